// Schedule latency on a large clinic: the day view for every provider, free-slot search across a month,
// and booking with its conflict checks (p50/p95/p99).
// Usage: bench_schedule [--appointments N] [--providers P] [--db PATH] [--queries Q]
//   With --db, an existing bench database is reused (made on the first run), so 1M needs generating once.
//   The database is a demo clinic (20,000 patients, the demo's types and hours) with providers added up to
//   P, then N appointments booked through AppointmentStore, 20 per provider and working day, in batches.
#include "BenchUtil.h"
#include "core/auth/Vault.h"
#include "core/db/Statement.h"
#include "core/db/Transaction.h"
#include "core/demo/DemoClinic.h"
#include "core/schedule/AppointmentStore.h"
#include "core/schedule/ScheduleSetupStore.h"
#include "core/schedule/SlotFinder.h"
#include "words/ErrorWords.h"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <random>

using namespace practica;

namespace {

constexpr const char* kPassword = "bench-admin-1";
constexpr int kPerProviderDay = 20;
constexpr int kPatients = 20000;
constexpr int kBatch = 5000;

struct Setup
{
    std::vector<std::string> providerIds;
    std::string followUpId, newPatientId, sickId;
    std::string firstDate, lastDate; // of the booked days
};

std::vector<std::string> patientIds(core::Session& s)
{
    std::vector<std::string> ids;
    auto stmt = s.db().prepare("SELECT id FROM patient WHERE status = 'active' ORDER BY mrn;");
    if (!stmt)
        return ids;
    while (true) {
        auto row = stmt->step();
        if (!row || !*row)
            break;
        ids.push_back(stmt->text(0));
    }
    return ids;
}

core::Result<Setup> readSetup(core::Session& s)
{
    core::ScheduleSetupStore setup(s);
    auto providers = setup.providers();
    auto types = setup.types();
    if (!providers)
        return std::unexpected(providers.error());
    if (!types)
        return std::unexpected(types.error());
    Setup out;
    for (const auto& p : *providers)
        out.providerIds.push_back(p.id);
    for (const auto& t : *types) {
        if (t.name == "Follow-up")
            out.followUpId = t.id;
        if (t.name == "New patient")
            out.newPatientId = t.id;
        if (t.name == "Sick visit")
            out.sickId = t.id;
    }
    return out;
}

// Working days (Monday to Friday) ending half a year after today, enough for the appointments asked for.
std::vector<std::string> workingDays(const std::string& today, std::int64_t count)
{
    std::vector<std::string> days;
    std::string day = core::ClinicTime::addDays(today, 182);
    while (static_cast<std::int64_t>(days.size()) < count) {
        if (core::ClinicTime::weekdayOf(day) <= 5)
            days.push_back(day);
        day = core::ClinicTime::addDays(day, -1);
    }
    std::reverse(days.begin(), days.end());
    return days;
}

int generate(const std::string& db, std::int64_t appointments, int providerCount, const core::Clock& clock)
{
    std::fprintf(stderr, "generating %lld appointments for %d providers into %s ...\n",
                 static_cast<long long>(appointments), providerCount, db.c_str());
    const auto start = std::chrono::steady_clock::now();
    core::DemoOptions options;
    options.patients = kPatients;
    options.seed = 11;
    options.adminPassword = kPassword;
    options.cost = core::KdfCost::minimal();
    options.appointmentsPerProviderDay = 0; // providers, types, hours, holidays; the appointments come below
    auto clinic = core::createDemoClinic(db, options, clock);
    if (!clinic) {
        std::fprintf(stderr, "demo generation failed: %s\n", words::errorSentence(clinic.error()).c_str());
        return 1;
    }
    core::Session& s = *clinic->session;
    s.db().setCacheSizeMb(256);
    core::ScheduleSetupStore setup(s);
    auto existing = setup.providers();
    if (!existing || existing->empty())
        return 1;
    auto hours = setup.workingHours(existing->front().id);
    if (!hours)
        return 1;
    for (int i = static_cast<int>(existing->size()); i < providerCount; ++i) {
        core::Provider p;
        p.name = "Bench Provider " + std::to_string(i + 1);
        p.credentials = "MD";
        auto added = setup.addProvider(p);
        if (!added || !setup.setWorkingHours(added->id, *hours)) {
            std::fprintf(stderr, "adding providers failed\n");
            return 1;
        }
    }
    auto ids = readSetup(s);
    const auto patients = patientIds(s);
    if (!ids || patients.size() < static_cast<std::size_t>(providerCount * kPerProviderDay)) {
        std::fprintf(stderr, "setup incomplete\n");
        return 1;
    }
    core::AppointmentStore store(s);
    const std::string today = store.clinicTime().toLocal(clock.nowMs()).date;
    const std::int64_t perDay = static_cast<std::int64_t>(ids->providerIds.size()) * kPerProviderDay;
    const auto days = workingDays(today, (appointments + perDay - 1) / perDay);
    // 20-minute slots 8:00-11:40 and 13:00-16:40 (the last four left free), 15-minute follow-ups in them.
    std::vector<int> slots;
    for (int m = 8 * 60; m < 12 * 60 && slots.size() < 10; m += 20)
        slots.push_back(m);
    for (int m = 13 * 60; m < 17 * 60 && slots.size() < kPerProviderDay; m += 20)
        slots.push_back(m);
    core::BookingOptions accept;
    accept.acceptWarnings = true; // the demo's holidays and vacations fall on some of these days
    std::int64_t booked = 0;
    std::size_t patientCursor = 0;
    std::optional<core::Transaction> tx;
    for (const std::string& day : days) {
        if (!tx)
            tx.emplace(s.db());
        for (const std::string& provider : ids->providerIds) {
            for (int minute : slots) {
                if (booked == appointments)
                    break;
                auto startUtc = store.clinicTime().toUtc(day, minute);
                if (!startUtc)
                    return 1;
                core::Appointment a;
                a.patientId = patients[patientCursor++ % patients.size()];
                a.providerId = provider;
                a.typeId = ids->followUpId;
                a.startUtcMs = *startUtc;
                a.minutes = 15;
                if (auto r = store.book(a, accept); !r) {
                    std::fprintf(stderr, "booking %s %d failed: %s\n", day.c_str(), minute,
                                 words::errorSentence(r.error()).c_str());
                    return 1;
                }
                ++booked;
            }
        }
        if (booked % kBatch < perDay || booked == appointments) {
            if (auto committed = tx->commit(); !committed) {
                std::fprintf(stderr, "commit failed: %s\n", words::errorSentence(committed.error()).c_str());
                return 1;
            }
            tx.reset();
            std::fprintf(stderr, "\r%lld of %lld (%.0f s)", static_cast<long long>(booked),
                         static_cast<long long>(appointments), bench::msSince(start) / 1000.0);
        }
    }
    if (tx && !tx->commit())
        return 1;
    std::fprintf(stderr, "\ngenerated in %.1f s\n", bench::msSince(start) / 1000.0);
    return 0;
}

void report(const char* what, const std::vector<double>& times, const std::string& extra, const char* target)
{
    bench::printRow({what, std::to_string(times.size()), bench::fixed(bench::percentile(times, 50), 3),
                     bench::fixed(bench::percentile(times, 95), 3), bench::fixed(bench::percentile(times, 99), 3),
                     extra, target},
                    {36, 7, 8, 8, 8, 14, 10});
}

} // namespace

int main(int argc, char** argv)
{
    const std::int64_t appointments = std::stoll(bench::option(argc, argv, "--appointments", "1000000"));
    const int providers = std::stoi(bench::option(argc, argv, "--providers", "20"));
    const int queries = std::stoi(bench::option(argc, argv, "--queries", "200"));
    const std::string defaultDb =
        (std::filesystem::temp_directory_path() / ("practica-bench-schedule-" + std::to_string(appointments) + ".db"))
            .string();
    const std::string db = bench::option(argc, argv, "--db", defaultDb);
    core::SystemClock clock;
    if (!std::filesystem::exists(db))
        if (int rc = generate(db, appointments, providers, clock); rc != 0)
            return rc;
    auto unlocked = core::Vault::unlock(db, "admin", kPassword, clock);
    if (!unlocked) {
        std::fprintf(stderr, "cannot open %s: %s\n", db.c_str(), words::errorSentence(unlocked.error()).c_str());
        return 1;
    }
    core::Session& s = **unlocked;
    auto setup = readSetup(s);
    if (!setup)
        return 1;
    core::AppointmentStore store(s);
    core::SlotFinder finder(s);
    const core::ClinicTime& time = store.clinicTime();
    const std::string today = time.toLocal(clock.nowMs()).date;
    std::mt19937_64 random(3);
    auto randomDay = [&](int from, int to) {
        std::string day;
        do
            day = core::ClinicTime::addDays(today, from + static_cast<int>(random() % (to - from + 1)));
        while (core::ClinicTime::weekdayOf(day) > 5);
        return day;
    };

    std::printf("appointments: %lld, providers: %zu, queries per row: %d\n\n", static_cast<long long>(appointments),
                setup->providerIds.size(), queries);
    bench::printHeader({"operation", "runs", "p50 ms", "p95 ms", "p99 ms", "avg rows", "target"},
                       {36, 7, 8, 8, 8, 14, 10});

    std::vector<double> times;
    double rows = 0;
    for (int i = 0; i < queries; ++i) {
        const std::string day = randomDay(-900, 150);
        const auto start = std::chrono::steady_clock::now();
        auto views = store.day(day, setup->providerIds);
        times.push_back(bench::msSince(start));
        if (!views) {
            std::fprintf(stderr, "day view failed: %s\n", words::errorSentence(views.error()).c_str());
            return 1;
        }
        rows += static_cast<double>(views->size());
    }
    report("day view, all providers", times, bench::fixed(rows / queries, 0), "< 10");

    auto slotSearch = [&](const char* what, core::SlotQuery query, const char* target) {
        std::vector<double> t;
        double found = 0;
        for (int i = 0; i < queries; ++i) {
            query.fromDate = randomDay(1, 150);
            const auto start = std::chrono::steady_clock::now();
            auto slots = finder.find(query);
            t.push_back(bench::msSince(start));
            if (!slots) {
                std::fprintf(stderr, "slot search failed: %s\n", words::errorSentence(slots.error()).c_str());
                return false;
            }
            found += static_cast<double>(slots->size());
        }
        report(what, t, bench::fixed(found / queries, 1), target);
        return true;
    };
    core::SlotQuery first;
    first.typeId = setup->newPatientId;
    first.providerIds = setup->providerIds;
    first.days = 30;
    first.limit = 10;
    if (!slotSearch("free slots, first 10, 30 days", first, "< 50"))
        return 1;
    core::SlotQuery afternoons = first;
    afternoons.weekdays = {2, 4};
    afternoons.earliestMinute = 15 * 60;
    afternoons.limit = 50;
    if (!slotSearch("free slots, Tue/Thu after 15:00, 50", afternoons, "< 50"))
        return 1;
    core::SlotQuery none = first;
    none.minutes = 120; // longer than any opening: every day of every provider is searched
    if (!slotSearch("free slots, none fit (full scan)", none, "< 50"))
        return 1;

    // Booking into the openings the finder gives (the free 16:00-16:40 slots), each in its own
    // transaction with every check; then proposals that collide and are refused.
    std::vector<double> bookTimes, refuseTimes;
    const auto patients = patientIds(s);
    for (int i = 0; i < queries; ++i) {
        core::SlotQuery q = first;
        q.typeId = setup->sickId;
        q.fromDate = randomDay(1, 150);
        q.limit = 1;
        auto slot = finder.find(q);
        if (!slot || slot->empty())
            continue;
        core::Appointment a;
        a.patientId = patients[random() % patients.size()];
        a.providerId = slot->front().providerId;
        a.typeId = setup->sickId;
        a.startUtcMs = slot->front().startUtcMs;
        a.minutes = slot->front().minutes;
        auto start = std::chrono::steady_clock::now();
        auto booked = store.book(a);
        const double ms = bench::msSince(start);
        if (booked) {
            bookTimes.push_back(ms);
            core::Appointment clash = a;
            clash.patientId = patients[random() % patients.size()];
            start = std::chrono::steady_clock::now();
            auto refused = store.book(clash);
            refuseTimes.push_back(bench::msSince(start));
            if (refused)
                std::fprintf(stderr, "a double booking was accepted\n");
        } else if (booked.error().field != "patient") {
            std::fprintf(stderr, "booking failed: %s\n", words::errorSentence(booked.error()).c_str());
        }
    }
    report("book into a free slot (commit)", bookTimes, "", "< 5");
    report("book refused (provider conflict)", refuseTimes, "", "< 5");
    return 0;
}
