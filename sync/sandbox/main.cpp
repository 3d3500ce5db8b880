// practica-sandbox: the local clearinghouse and payer (Sandbox.h) as a program.
#include "sync/sandbox/Sandbox.h"

#include <csignal>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>

namespace {

volatile std::sig_atomic_t g_stop = 0;

const char* const kHelp = R"(Usage: practica-sandbox [options]

A local clearinghouse and payer for demos, training and tests, on 127.0.0.1. It takes CAQH CORE
batch submissions of 837P claims at http://127.0.0.1:PORT/core, checks each (the X12 envelope and
counts, the transaction and version, every NPI's check digit), and holds a 999 and, for an accepted
batch, a 277CA per claim for retrieval. A member id starting with REJ is rejected by the payer.

  --port N          the port (default 8484; 0 picks a free one and prints it)
  --user NAME       the CORE UserName it accepts (default sandbox)
  --password WORD   the CORE Password it accepts (default sandbox)
  --spool DIR       keeps every file received and sent in DIR
  --drop DIR        also takes 837 files put in DIR/inbound (by an SFTP server serving DIR, say),
                    and leaves each one's 999 and 277CA in DIR/outbound
  --help            this text

Failures on request: POST /sandbox/inject?kind=KIND&count=N with KIND timeout (the answer is held
back 8 s), http500, reject_batch (the next 837 gets a rejecting 999) or reject_claims (the next
batch's claims are rejected by the payer).
)";

} // namespace

int main(int argc, char** argv)
{
    practica::sandbox::SandboxOptions options;
    options.port = 8484;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "practica-sandbox: %s needs a value\n", arg.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (arg == "--help") {
            std::fputs(kHelp, stdout);
            return 0;
        } else if (arg == "--port") {
            options.port = std::atoi(value().c_str());
        } else if (arg == "--user") {
            options.userName = value();
        } else if (arg == "--password") {
            options.password = value();
        } else if (arg == "--spool") {
            options.spoolDir = value();
        } else if (arg == "--drop") {
            options.dropDir = value();
        } else {
            std::fprintf(stderr, "practica-sandbox: unknown option %s (see --help)\n", arg.c_str());
            return 2;
        }
    }
    practica::sandbox::Sandbox sandbox(options);
    if (auto started = sandbox.start(); !started) {
        std::fprintf(stderr, "practica-sandbox: cannot listen on 127.0.0.1:%d: %s\n", options.port,
                     started.error().detail.c_str());
        return 1;
    }
    std::printf("practica-sandbox listening on http://127.0.0.1:%d/core\n", sandbox.port());
    if (!options.dropDir.empty())
        std::printf("practica-sandbox taking 837 files from %s/inbound\n", options.dropDir.c_str());
    std::fflush(stdout);
    std::signal(SIGINT, [](int) { g_stop = 1; });
    std::signal(SIGTERM, [](int) { g_stop = 1; });
    while (!g_stop)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    sandbox.stop();
    return 0;
}
