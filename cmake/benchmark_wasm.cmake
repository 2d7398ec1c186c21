# Google Benchmark 1.7.1 for wasm, built from Debian's source package (fetched by scripts/setup.sh into
# third_party/benchmark), so inbox_bench runs the very same cases natively and under node.
set(BENCHMARK_DIR "${CMAKE_SOURCE_DIR}/third_party/benchmark" CACHE PATH "Google Benchmark 1.7.1 sources")
if(NOT EXISTS "${BENCHMARK_DIR}/src/benchmark.cc")
  message(FATAL_ERROR "Google Benchmark sources not found in ${BENCHMARK_DIR}: run scripts/setup.sh first")
endif()
file(GLOB BENCHMARK_SOURCES "${BENCHMARK_DIR}/src/*.cc")
add_library(benchmark_wasm STATIC ${BENCHMARK_SOURCES})
target_include_directories(benchmark_wasm SYSTEM PUBLIC "${BENCHMARK_DIR}/include")
target_compile_definitions(benchmark_wasm PUBLIC BENCHMARK_STATIC_DEFINE PRIVATE HAVE_STD_REGEX NDEBUG)
target_compile_options(benchmark_wasm PRIVATE -w)
add_library(benchmark::benchmark_main ALIAS benchmark_wasm)  # benchmark_main.cc is among the sources
