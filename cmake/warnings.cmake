# Warnings for the project's own targets (third-party code is compiled without them).
option(INBOX_WERROR "Treat warnings in the project's own code as errors" OFF)
function(inbox_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor)
  if(INBOX_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
