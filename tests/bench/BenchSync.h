// What bench_sync's modes share: the in-process server (a store, accounts and an HTTP server) and a way
// to stop at the first error with its sentence. Each mode is a function of its own (demoBench in
// bench_sync_demo.cpp).
#pragma once

#include "PostgresFixture.h"
#include "core/Error.h"
#include "sync/server/AccountService.h"
#include "sync/server/EmbeddedStore.h"
#include "sync/server/PostgresStore.h"
#include "sync/server/SyncServer.h"
#include "words/ErrorWords.h"

#include <QDir>
#include <QTemporaryDir>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

namespace practica::bench {

inline constexpr const char* kPassword = "bench-admin-1";

template <class T> T must(core::Result<T> r, const char* what)
{
    if (!r) {
        std::fprintf(stderr, "%s: %s\n", what, words::errorSentence(r.error()).c_str());
        std::exit(1);
    }
    return std::move(*r);
}
inline void must(core::Status s, const char* what)
{
    if (!s) {
        std::fprintf(stderr, "%s: %s\n", what, words::errorSentence(s.error()).c_str());
        std::exit(1);
    }
}

// The server side of a benchmark: a store (embedded or PostgreSQL), accounts and an HTTP server.
struct Server
{
    QTemporaryDir dir{QDir::tempPath() + "/bench_sync-XXXXXX"};
    std::unique_ptr<test::PostgresFixture> pg;
    std::unique_ptr<sync::ServerStore> store;
    core::SystemClock clock;
    std::unique_ptr<sync::AccountService> accounts;
    std::unique_ptr<sync::SyncServer> http;
    std::string kind;

    explicit Server(const std::string& storeKind, int threads = 16) : kind(storeKind)
    {
        if (kind == "postgresql") {
            pg = std::make_unique<test::PostgresFixture>("practica_bench");
            if (!pg->running()) {
                std::fprintf(stderr, "PostgreSQL: %s\n", qPrintable(pg->error()));
                std::exit(1);
            }
            auto s = must(sync::PostgresStore::open(pg->conninfo()), "postgres store");
            must(s->migrate(), "migrate");
            store = std::move(s);
        } else {
            store = must(sync::EmbeddedStore::open(dir.filePath("server.db").toStdString(), core::SecretKey::random()),
                         "embedded store");
        }
        accounts = std::make_unique<sync::AccountService>(*store, clock, "bench-token-secret-0123456789abcdef");
        sync::ServerOptions options;
        options.port = 0;
        options.insecureHttp = true;
        options.minimumKeyCost = core::KdfCost::minimal();
        options.maxThreads = threads;
        // Every simulated desk connects from 127.0.0.1, as a clinic's desks behind one NAT address would.
        options.maxConnectionsPerAddress = 1024;
        http = std::make_unique<sync::SyncServer>(*store, *accounts, options);
        must(http->start(), "server start");
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(http->port()); }
};

// bench_sync demo: the demo clinic with its charts, first synced by a fresh workstation.
int demoBench(int argc, char** argv);

} // namespace practica::bench
