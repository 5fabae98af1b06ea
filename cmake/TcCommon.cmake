# Compiler warnings, Qt defines and sanitizers on one INTERFACE target that every library and
# program of the project links; nothing is added to global flags.
add_library(tc_project_options INTERFACE)
add_library(tc::options ALIAS tc_project_options)

target_compile_features(tc_project_options INTERFACE cxx_std_20)
target_compile_options(tc_project_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual
  -Wcast-qual -Wformat=2 -Wimplicit-fallthrough
  # C++20 designated initializers of aggregates with default member initializers are the
  # idiom for option structs here; GCC 12 still warns when members are left to their defaults.
  -Wno-missing-field-initializers)
if(TC_WERROR)
  target_compile_options(tc_project_options INTERFACE -Werror)
endif()
target_compile_definitions(tc_project_options INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_CONTEXTLESS_CONNECT
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_NO_URL_CAST_FROM_STRING
  QT_STRICT_ITERATORS
  QT_USE_QSTRINGBUILDER
  QT_NO_KEYWORDS
  TC_VERSION="${PROJECT_VERSION}")

if(TC_SANITIZE)
  target_compile_options(tc_project_options INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(tc_project_options INTERFACE -fsanitize=address,undefined)
endif()

# tc_add_library(name FOLDER_SOURCES...) is not used: each folder's CMakeLists.txt states its
# sources explicitly so a reviewer sees what ships.
