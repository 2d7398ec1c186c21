# libFuzzer builds (INBOX_FUZZ=ON, the `fuzz` preset): clang only. Every library is compiled with coverage
# instrumentation and ASan + UBSan (-fsanitize=fuzzer-no-link,...); each fuzz target links libFuzzer's main
# (-fsanitize=fuzzer,...). UBSan findings abort (no recovery), so the fuzzer reports them as crashes.
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "INBOX_FUZZ needs clang (libFuzzer): use the `fuzz` preset (clang++-14), not ${CMAKE_CXX_COMPILER_ID}")
endif()
set(INBOX_SANITIZERS "address,undefined")
add_compile_options(-fsanitize=fuzzer-no-link,${INBOX_SANITIZERS} -fno-sanitize-recover=all -fno-omit-frame-pointer)
add_link_options(-fsanitize=${INBOX_SANITIZERS})

# inbox_fuzz_target(NAME SOURCE [ITEM...]): a libFuzzer executable NAME from SOURCE (which defines
# LLVMFuzzerTestOneInput). Each ITEM is a library target to link, or an extra source file (*.cpp, *.cc, *.c)
# to compile into it (for code that has no library of its own in the fuzz build). Its seed corpus is
# tests/fuzz/corpus/NAME/ and its dictionary tests/fuzz/NAME.dict when that file exists (scripts/fuzz.sh
# runs it). A ctest test replays the seed corpus once.
function(inbox_fuzz_target name source)
  add_executable(${name} ${source})
  foreach(item IN LISTS ARGN)
    if(item MATCHES "\\.(cpp|cc|cxx|c)$")
      target_sources(${name} PRIVATE ${item})
    else()
      target_link_libraries(${name} PRIVATE ${item})
    endif()
  endforeach()
  # Sources outside src/ (server-stub/...) include each other from the repository root, as in the relay.
  target_include_directories(${name} PRIVATE "${CMAKE_SOURCE_DIR}")
  target_compile_options(${name} PRIVATE -fsanitize=fuzzer)
  target_link_options(${name} PRIVATE -fsanitize=fuzzer,${INBOX_SANITIZERS})
  inbox_warnings(${name})
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/fuzz")
  set(corpus "${CMAKE_SOURCE_DIR}/tests/fuzz/corpus/${name}")
  if(EXISTS "${corpus}")
    add_test(NAME ${name}_corpus COMMAND ${name} -runs=0 "${corpus}")
  endif()
endfunction()
