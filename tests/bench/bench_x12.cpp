// X12 figures: an 837P of 10,000 claims written (core/x12 alone), read back, and a 999 for it read; then in a
// clinic's encrypted database, 10,000 ready claims made into one batch (each scrubbed again, submitted and
// locked, the file kept) and the clearinghouse's 999 for them read and applied (a history step per claim).
// Prints a table; never fails on timing.
#include "BenchUtil.h"
#include "core/auth/Vault.h"
#include "core/billing/BillingRows.h"
#include "core/billing/ClaimAnswerStore.h"
#include "core/billing/ClaimBatchStore.h"
#include "core/billing/ClaimStore.h"
#include "core/clinic/ClinicStore.h"
#include "core/db/Transaction.h"
#include "core/demo/DemoClinic.h"
#include "core/patients/PatientRows.h"
#include "core/records/RecordIo.h"
#include "core/schedule/ScheduleSetupStore.h"
#include "core/x12/AckWriter.h"
#include "core/x12/Acknowledgments.h"
#include "core/x12/Claim837.h"
#include "words/ErrorWords.h"

#include <algorithm>
#include <filesystem>

using namespace practica;

namespace {

template <class T> T must(core::Result<T> r, const char* what)
{
    if (!r) {
        std::fprintf(stderr, "%s: %s\n", what, words::errorSentence(r.error()).c_str());
        std::exit(1);
    }
    return std::move(*r);
}

// The X12 layer's own results: its problem's name is enough for a bench.
template <class T, class E> T mustX12(std::expected<T, E> r, const char* what)
{
    if (!r) {
        std::fprintf(stderr, "%s failed\n", what);
        std::exit(1);
    }
    return std::move(*r);
}

void must(core::Status s, const char* what)
{
    if (!s) {
        std::fprintf(stderr, "%s: %s\n", what, words::errorSentence(s.error()).c_str());
        std::exit(1);
    }
}

core::Batch837 syntheticBatch(int claims)
{
    core::Batch837 b;
    b.senderId = "PRACTICA01";
    b.receiverId = "CLEARHOUSE";
    b.interchangeControl = 1;
    b.groupControl = 1;
    b.batchId = "1";
    b.date = "20261201";
    b.time = "0930";
    b.submitter = {"Riverbend Family Health", {}, {}, false};
    b.submitterId = "PRACTICA01";
    b.contactName = "Billing Office";
    b.contactPhone = "6145550100";
    b.receiverName = "Clearinghouse";
    core::Claim837Provider billing{{"Riverbend Family Health", {}, {}, false},
                                   "1234567893",
                                   "314827713",
                                   "207Q00000X",
                                   {"2150 Riverside Drive", "Suite 200", "Columbus", "OH", "432211306"}};
    for (int i = 0; i < claims; ++i) {
        core::Claim837 c;
        c.patientControlNumber = "01" + std::to_string(10'000'000 + i).substr(0, 8);
        c.memberId = "M" + std::to_string(100'000 + i);
        c.subscriber.name = {"Family" + std::to_string(i % 977), "Given" + std::to_string(i % 313), {}, true};
        c.subscriber.birthDate = "1970-01-0" + std::to_string(1 + i % 9);
        c.subscriber.sex = i % 2 ? "F" : "M";
        c.subscriber.address = {std::to_string(i % 900 + 1) + " Elm Street", {}, "Columbus", "OH", "43221"};
        c.payerName = "Acme Health Plan";
        c.payerId = "ACME1";
        c.billing = billing;
        c.rendering = core::Claim837Provider{{"Okafor", "Samuel", {}, true}, "1245319599", {}, {}, {}};
        c.diagnoses = {"E11.9", "I10"};
        c.lines = {{"99214", {"25"}, 18500, "1", {1, 2}, "2026-11-30", {}},
                   {"83036", {}, 3500, "1", {1}, "2026-11-30", {}}};
        b.claims.push_back(std::move(c));
    }
    return b;
}

template <class F> double bestOf(int runs, F&& f)
{
    double best = 1e18;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        f();
        best = std::min(best, bench::msSince(start));
    }
    return best;
}

} // namespace

int main(int argc, char** argv)
{
    const int claims = std::stoi(bench::option(argc, argv, "--claims", "10000"));
    const int runs = std::stoi(bench::option(argc, argv, "--runs", "5"));
    const std::filesystem::path dir =
        bench::option(argc, argv, "--dir", std::filesystem::temp_directory_path() / "practica-bench-x12");
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);

    // core/x12 alone.
    const core::Batch837 batch = syntheticBatch(claims);
    std::string text;
    const double writeMs = bestOf(runs, [&] { text = mustX12(core::write837(batch), "write837").text; });
    core::X12Interchange read;
    const double readMs = bestOf(runs, [&] { read = mustX12(core::readX12(text), "read 837"); });
    std::vector<core::Ack999ErrorOut> errors;
    for (const auto& seg : read.groups[0].sets[0].segments)
        if (seg.id == "NM1" && seg.element(1) == "IL" && errors.size() < 100)
            errors.push_back({"NM1", seg.setPosition, "2010", "8", 9, "7", "BAD"});
    core::AckEnvelope e;
    e.receiverId = "PRACTICA01";
    e.date = "20261202";
    e.time = "0800";
    const std::string ack = core::write999(read, e, errors);
    const double ackMs = bestOf(runs, [&] { mustX12(core::read999(ack), "read 999"); });

    // In a clinic: ready claims of the demo's patients, batched and answered.
    core::SystemClock system;
    core::DemoOptions options;
    options.patients = 200;
    options.cost = core::KdfCost::minimal();
    options.appointmentsPerProviderDay = 0;
    options.charts = false;
    const std::string db = (dir / "clinic.db").string();
    auto clinic = must(core::createDemoClinic(db, options, system), "demo");
    core::Clinic settings = must(core::ClinicStore(*clinic.session).get(), "clinic");
    settings.zip = "43221-1306";
    must(core::ClinicStore(*clinic.session).update(settings), "zip");
    auto biller = must(core::Vault::unlock(db, "biller", "biller-demo", system), "biller");
    biller->db().setCacheSizeMb(256);
    const auto providers = must(core::ScheduleSetupStore(*biller).providers(), "providers");
    core::ClaimBatchStore batches(*biller);
    core::Clearinghouse ch;
    ch.name = "Clearinghouse";
    ch.submitterId = "PRACTICA01";
    ch.receiverId = "CLEARHOUSE";
    ch.contactName = "Billing Office";
    ch.contactPhone = "6145550100";
    must(batches.saveClearinghouse(ch), "clearinghouse");
    // Self-insured patients' active policies (a dependent's claim needs the subscriber's birth date).
    auto selfPolicies = must(biller->db().prepare("SELECT id FROM coverage WHERE status = 'active' AND relationship "
                                                  "= 'self' ORDER BY id;"),
                             "policies");
    std::vector<core::Coverage> policies;
    for (const std::string& id :
         must(selfPolicies.all<std::string>([](const core::Statement& s) { return s.text(0); }), "policies"))
        policies.push_back(must(core::records::loadRecord(*biller, core::coverageRow(), id), "policy"));
    const auto makeStart = std::chrono::steady_clock::now();
    {
        core::Transaction tx(biller->db());
        for (int i = 0; i < claims; ++i) {
            const core::Coverage& policy = policies[static_cast<std::size_t>(i) % policies.size()];
            core::Claim c;
            c.id = biller->newId();
            c.patientId = policy.patientId;
            c.coverageId = policy.id;
            c.renderingProviderId = providers.front().id;
            c.patientControlNumber = must(core::nextPatientControlNumber(*biller), "number");
            c.diagnoses = "E11.9,I10";
            c.serviceDate = "2026-11-30";
            c.totalCents = 22000;
            c.stage = "ready";
            c.createdAtMs = system.nowMs();
            c.createdBy = biller->actor().userId;
            must(core::records::writeRecord(*biller, core::claimRow(), c.id, c, std::nullopt), "claim");
            core::ClaimLine l{biller->newId(), c.id, 1, "99214", "", "1", 18500, "1,2", "2026-11-30", {}, "active", {}};
            must(core::records::writeRecord(*biller, core::claimLineRow(), l.id, l, std::nullopt), "line");
            core::ClaimLine lab{biller->newId(), c.id, 2, "83036", "", "1", 3500, "1", "2026-11-30", {}, "active", {}};
            must(core::records::writeRecord(*biller, core::claimLineRow(), lab.id, lab, std::nullopt), "line");
        }
        must(tx.commit(), "claims");
    }
    const double makeMs = bench::msSince(makeStart);
    const auto batchStart = std::chrono::steady_clock::now();
    auto made = must(batches.createBatch(), "batch");
    const double batchMs = bench::msSince(batchStart);
    auto sent = mustX12(core::readX12(made.text), "read batch");
    e.receiverId = sent.senderId;
    const std::string answer = core::write999(sent, e, {});
    const auto applyStart = std::chrono::steady_clock::now();
    auto report = core::ClaimAnswerStore(*biller).importFile(answer);
    const double applyMs = bench::msSince(applyStart);
    if (!report) {
        std::fprintf(stderr, "999 not applied\n");
        return 1;
    }

    std::printf("\nX12 with %d claims (two lines each), best of %d runs for core/x12 alone\n\n", claims, runs);
    const std::vector<int> w{58, 12, 10};
    bench::printHeader({"operation", "ms", "target"}, w);
    bench::printRow({"write837: the 837P written (" + std::to_string(text.size() / 1024) + " KiB)",
                     bench::fixed(writeMs, 1), "< 500"},
                    w);
    bench::printRow({"readX12: the 837P read back, envelope checked", bench::fixed(readMs, 1), ""}, w);
    bench::printRow({"read999: a 999 rejecting it with 100 IK3/IK4 errors", bench::fixed(ackMs, 2), ""}, w);
    bench::printRow({"claims made in the database (claim + 2 lines, one transaction)", bench::fixed(makeMs, 0), ""}, w);
    bench::printRow({"createBatch: scrubbed, written, submitted, locked, file kept", bench::fixed(batchMs, 0), ""}, w);
    bench::printRow({"999 read and applied (" + std::to_string(report->accepted) + " claims accepted)",
                     bench::fixed(applyMs, 0), "< 500"},
                    w);
    return 0;
}
