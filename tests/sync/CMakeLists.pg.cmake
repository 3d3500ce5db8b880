practica_add_test(NAME tst_postgresstore SOURCES tst_postgresstore.cpp LIBS practica_server PkgConfig::LIBPQ LABELS sync postgres
    TIMEOUT 300)
# The server process suite again, its records kept in a private PostgreSQL cluster.
add_test(NAME tst_serverprocess_postgresql COMMAND tst_serverprocess)
set_tests_properties(tst_serverprocess_postgresql PROPERTIES TIMEOUT 300 LABELS "sync;postgres"
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;PRACTICA_BIN_DIR=${PROJECT_BINARY_DIR}/bin;PRACTICA_SERVER_STORE=postgresql")
# The audit trail suite with the server's records in a private PostgreSQL cluster.
add_test(NAME tst_auditserver_postgresql COMMAND tst_auditserver)
set_tests_properties(tst_auditserver_postgresql PROPERTIES TIMEOUT 300 LABELS "sync;postgres"
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;PRACTICA_BIN_DIR=${PROJECT_BINARY_DIR}/bin;PRACTICA_SERVER_STORE=postgresql")
# The sync scope suite with the in-process server's records in a private PostgreSQL cluster.
add_test(NAME tst_syncscope_postgresql COMMAND tst_syncscope)
set_tests_properties(tst_syncscope_postgresql PROPERTIES TIMEOUT 300 LABELS "sync;postgres"
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;PRACTICA_BIN_DIR=${PROJECT_BINARY_DIR}/bin;PRACTICA_SERVER_STORE=postgresql")
