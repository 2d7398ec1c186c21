# Emscripten 3.1.6 as packaged by Debian, with its quirks handled here rather than in a person's shell.

# emcc's JS optimizer (-O2 and up) needs acorn, which Debian keeps outside node's default search path.
set(INBOX_EMCC_ENV env NODE_PATH=/usr/share/nodejs)
set(CMAKE_CXX_COMPILER_LAUNCHER ${INBOX_EMCC_ENV})
set(CMAKE_CXX_LINKER_LAUNCHER ${INBOX_EMCC_ENV})

# Exceptions are off by default in wasm; nlohmann/json and doctest need them. Same flag for every object.
add_compile_options(-fwasm-exceptions)
add_link_options(-fwasm-exceptions)

# em++ does not search /usr/include, and adding it breaks emscripten's libc headers:
# expose only the header-only Debian libraries through a folder of symlinks.
set(INBOX_WEB_INCLUDE "${CMAKE_BINARY_DIR}/inc")
file(MAKE_DIRECTORY "${INBOX_WEB_INCLUDE}")
foreach(lib doctest nlohmann)
  if(NOT EXISTS "${INBOX_WEB_INCLUDE}/${lib}")
    file(CREATE_LINK "/usr/include/${lib}" "${INBOX_WEB_INCLUDE}/${lib}" SYMBOLIC)
  endif()
endforeach()
include_directories(SYSTEM "${INBOX_WEB_INCLUDE}")

# The 3.1.6 loader calls fetch() on file paths under node 20 unless fetch is disabled.
set(INBOX_NODE_COMMAND node --no-experimental-fetch)
