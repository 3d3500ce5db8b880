practica_add_test(NAME tst_postgresstore SOURCES tst_postgresstore.cpp LIBS practica_server PkgConfig::LIBPQ LABELS sync postgres
    TIMEOUT 300)
