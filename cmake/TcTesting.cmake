# add_qt_test(Name SOURCES a.cpp ... LIBS lib ... [ENV VAR=value ...] [LABELS l ...] [TIMEOUT s]
#             [POSTGRES] [KEYRING])
# One Qt Test program per class or feature, registered with ctest under its own name. KEYRING
# runs it through scripts/with-keyring: a private D-Bus session with an unlocked gnome-keyring.
set(TC_SANITIZER_ENV
  "ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1"
  "LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/lsan.supp:print_suppressions=0"
  "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")

# A throwaway PostgreSQL cluster as a ctest fixture: tests declared with POSTGRES get it started
# before them (and stopped after) with its address in the file named by TC_TEST_PG_STATE.
set(TC_TEST_PG_STATE "${CMAKE_BINARY_DIR}/test-postgres.env")
add_test(NAME postgres_start
  COMMAND "${PROJECT_SOURCE_DIR}/scripts/test-postgres" start "${TC_TEST_PG_STATE}")
add_test(NAME postgres_stop
  COMMAND "${PROJECT_SOURCE_DIR}/scripts/test-postgres" stop "${TC_TEST_PG_STATE}")
set_tests_properties(postgres_start PROPERTIES FIXTURES_SETUP postgres LABELS postgres)
set_tests_properties(postgres_stop PROPERTIES FIXTURES_CLEANUP postgres LABELS postgres)

function(add_qt_test name)
  cmake_parse_arguments(ARG "POSTGRES;KEYRING" "TIMEOUT" "SOURCES;LIBS;ENV;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test tc::options ${ARG_LIBS})
  if(ARG_KEYRING)
    add_test(NAME ${name} COMMAND "${PROJECT_SOURCE_DIR}/scripts/with-keyring" $<TARGET_FILE:${name}>)
    list(APPEND ARG_LABELS keyring)
  else()
    add_test(NAME ${name} COMMAND ${name})
  endif()
  set(env "QT_QPA_PLATFORM=offscreen" "TC_TEST_OUTPUT_DIR=${CMAKE_BINARY_DIR}/test-output"
    "TZ=UTC" ${ARG_ENV})
  if(TC_SANITIZE)
    list(APPEND env ${TC_SANITIZER_ENV})
  endif()
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 300)
  endif()
  if(ARG_POSTGRES)
    list(APPEND env "TC_TEST_PG_STATE=${TC_TEST_PG_STATE}")
    set_tests_properties(${name} PROPERTIES FIXTURES_REQUIRED postgres)
  endif()
  set_tests_properties(${name} PROPERTIES ENVIRONMENT "${env}" TIMEOUT ${ARG_TIMEOUT}
    LABELS "${ARG_LABELS}")
endfunction()
