// One storage workload, built twice: against SQLCipher (keyed with a raw 256-bit key, as Practica
// opens its databases) and against plain SQLite. Prints "phase milliseconds" lines for bench_cipher_ratio.
// Usage: bench_storage_sqlcipher|bench_storage_sqlite DB_PATH ROWS
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <sqlite3.h>
#include <string>

namespace {

double msSince(std::chrono::steady_clock::time_point t)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

void check(int rc, sqlite3* db, const char* what)
{
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        std::fprintf(stderr, "%s: %s\n", what, sqlite3_errmsg(db));
        std::exit(1);
    }
}

void exec(sqlite3* db, const char* sql)
{
    check(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), db, sql);
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s DB ROWS\n", argv[0]);
        return 2;
    }
    const long rows = std::atol(argv[2]);
    std::remove(argv[1]);
    sqlite3* db = nullptr;
    check(sqlite3_open(argv[1], &db), db, "open");
#ifdef PRACTICA_BENCH_CIPHER
    exec(db, "PRAGMA key = \"x'000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f'\";");
    exec(db, "PRAGMA cipher_page_size = 4096;");
#endif
    // The same settings as core/db/Database.cpp opens Practica's databases with.
    exec(db, "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
             "PRAGMA foreign_keys = ON; PRAGMA cache_size = -32768;");
    exec(db, "CREATE TABLE patient (id TEXT PRIMARY KEY, mrn TEXT NOT NULL UNIQUE, family_name TEXT NOT NULL, "
             "given_name TEXT NOT NULL, date_of_birth TEXT NOT NULL, phone TEXT, address TEXT, search_name TEXT);"
             "CREATE INDEX patient_by_birth_date ON patient (date_of_birth);"
             "CREATE TABLE patient_name_token (token TEXT NOT NULL, patient_id TEXT NOT NULL, "
             "PRIMARY KEY (token, patient_id)) WITHOUT ROWID;");

    std::mt19937_64 rng(42);
    auto word = [&](int len) {
        std::string s;
        for (int i = 0; i < len; ++i)
            s += static_cast<char>('a' + rng() % 26);
        return s;
    };
    sqlite3_stmt* insert = nullptr;
    sqlite3_stmt* token = nullptr;
    check(sqlite3_prepare_v2(db, "INSERT INTO patient VALUES (?,?,?,?,?,?,?,?);", -1, &insert, nullptr), db, "prep");
    check(sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO patient_name_token VALUES (?,?);", -1, &token, nullptr), db,
          "prep");
    auto start = std::chrono::steady_clock::now();
    const long batch = 2000;
    for (long i = 0; i < rows; ++i) {
        if (i % batch == 0)
            exec(db, "BEGIN;");
        char id[40];
        // time-ordered ids, as Practica's UUIDv7
        std::snprintf(id, sizeof id, "%016lx-%08lx", 0x0190000000000000L + i, static_cast<long>(rng() & 0xffffffff));
        const std::string family = word(3 + static_cast<int>(rng() % 6));
        const std::string given = word(3 + static_cast<int>(rng() % 5));
        char dob[11];
        std::snprintf(dob, sizeof dob, "%04d-%02d-%02d", 1930 + static_cast<int>(rng() % 90),
                      1 + static_cast<int>(rng() % 12), 1 + static_cast<int>(rng() % 28));
        const std::string mrn = std::to_string(10000000 + i);
        const std::string phone = "312555" + std::to_string(1000 + rng() % 9000);
        const std::string address = std::to_string(rng() % 9999) + " " + word(8) + " Street";
        const std::string search = " " + family + " " + given + " ";
        sqlite3_bind_text(insert, 1, id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 2, mrn.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 3, family.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 4, given.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 5, dob, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 6, phone.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 7, address.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 8, search.c_str(), -1, SQLITE_TRANSIENT);
        check(sqlite3_step(insert), db, "insert");
        sqlite3_reset(insert);
        for (const std::string* t : {&family, &given}) {
            sqlite3_bind_text(token, 1, t->c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(token, 2, id, -1, SQLITE_TRANSIENT);
            check(sqlite3_step(token), db, "token");
            sqlite3_reset(token);
        }
        if (i % batch == batch - 1 || i == rows - 1)
            exec(db, "COMMIT;");
    }
    std::printf("insert %.1f\n", msSince(start));

    sqlite3_stmt* point = nullptr;
    check(sqlite3_prepare_v2(db, "SELECT family_name, given_name FROM patient WHERE mrn = ?;", -1, &point, nullptr), db,
          "prep");
    start = std::chrono::steady_clock::now();
    for (int i = 0; i < 20000; ++i) {
        const std::string mrn = std::to_string(10000000 + static_cast<long>(rng() % static_cast<unsigned long>(rows)));
        sqlite3_bind_text(point, 1, mrn.c_str(), -1, SQLITE_TRANSIENT);
        check(sqlite3_step(point), db, "point");
        sqlite3_reset(point);
    }
    std::printf("point_query %.1f\n", msSince(start));

    sqlite3_stmt* prefix = nullptr;
    check(sqlite3_prepare_v2(db,
                             "SELECT p.mrn, p.family_name FROM patient_name_token t JOIN patient p ON p.id = "
                             "t.patient_id WHERE t.token >= ?1 AND t.token < ?1 || 'zz' ORDER BY t.token LIMIT 50;",
                             -1, &prefix, nullptr),
          db, "prep");
    start = std::chrono::steady_clock::now();
    for (int i = 0; i < 5000; ++i) {
        const std::string p = word(3);
        sqlite3_bind_text(prefix, 1, p.c_str(), -1, SQLITE_TRANSIENT);
        int rc;
        while ((rc = sqlite3_step(prefix)) == SQLITE_ROW) {
        }
        check(rc, db, "prefix");
        sqlite3_reset(prefix);
    }
    std::printf("prefix_query %.1f\n", msSince(start));

    sqlite3_finalize(insert);
    sqlite3_finalize(token);
    sqlite3_finalize(point);
    sqlite3_finalize(prefix);
    sqlite3_close(db);
    std::remove(argv[1]);
    return 0;
}
