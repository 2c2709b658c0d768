# SPDX-License-Identifier: GPL-3.0-or-later
# Settings every Placard target shares: warnings, strict Qt string casts.

function(placard_target_defaults target)
  target_compile_definitions(${target} PRIVATE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT QT_STRICT_ITERATORS)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
      -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual -Wno-error=deprecated-declarations)
    if(PLACARD_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()
endfunction()

# core must never reach the user-interface modules: fail the configure step if it does.
function(placard_forbid_ui_links target)
  get_target_property(libs ${target} LINK_LIBRARIES)
  get_target_property(ilibs ${target} INTERFACE_LINK_LIBRARIES)
  foreach(lib IN LISTS libs ilibs)
    if(lib MATCHES "Widgets|Quick|Qml")
      message(FATAL_ERROR "${target} links ${lib}: core must not depend on a user interface")
    endif()
  endforeach()
endfunction()

# The programs allocate through jemalloc where it is installed. An import makes and frees a
# few dozen small blocks a row on two threads, and with glibc's allocator a million rows
# took about a tenth longer (packaging/dev bench import). Not with sanitizers, which bring
# their own.
option(PLACARD_JEMALLOC "Link the programs with jemalloc when it is installed" ON)
function(placard_use_allocator target)
  if(NOT PLACARD_JEMALLOC OR CMAKE_CXX_FLAGS MATCHES "-fsanitize")
    return()
  endif()
  find_library(PLACARD_JEMALLOC_LIBRARY jemalloc)
  if(NOT PLACARD_JEMALLOC_LIBRARY)
    return()
  endif()
  # Kept although no code names it: it stands in for malloc in every library loaded.
  target_link_options(${target} PRIVATE "LINKER:--no-as-needed")
  target_link_libraries(${target} PRIVATE ${PLACARD_JEMALLOC_LIBRARY})
endfunction()
