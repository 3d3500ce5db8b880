// Opening a big chart and importing lab results: a patient with 500 encounters (each with vitals and a signed
// note) and 1,500 lab results, so 2,000 observations; ChartReader::open (the summary) and ChartReader::timeline,
// each run --runs times; then a file of 1,000 ORU^R01 messages (4 results each) for the clinic's patients imported
// through LabImport, and the same file again (every message a duplicate).
// Usage: bench_chart [--encounters N] [--runs N] [--messages N] [--dir DIR]
#include "BenchUtil.h"
#include "core/auth/Vault.h"
#include "core/chart/ChartReader.h"
#include "core/chart/ClinicalListStore.h"
#include "core/chart/EncounterStore.h"
#include "core/chart/LabImport.h"
#include "core/db/Statement.h"
#include "core/db/Transaction.h"
#include "core/demo/DemoClinic.h"
#include "core/patients/PatientStore.h"
#include "core/schedule/ScheduleSetupStore.h"
#include "words/ErrorWords.h"

#include <filesystem>

using namespace practica;

namespace {

template <class T> T must(core::Result<T> r, const char* what)
{
    if (!r) {
        std::fprintf(stderr, "%s failed: %s\n", what, words::errorSentence(r.error()).c_str());
        std::exit(1);
    }
    return std::move(*r);
}

void must(core::Status s, const char* what)
{
    if (!s) {
        std::fprintf(stderr, "%s failed: %s\n", what, words::errorSentence(s.error()).c_str());
        std::exit(1);
    }
}

struct Figures
{
    std::vector<double> ms;
    void row(const char* what, std::size_t items)
    {
        bench::printRow({what, std::to_string(items), bench::fixed(bench::percentile(ms, 50)),
                         bench::fixed(bench::percentile(ms, 95)), bench::fixed(bench::percentile(ms, 99))},
                        {34, 10, 10, 10, 10});
    }
};

std::string compactDate(const std::string& iso)
{
    return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
}

} // namespace

int main(int argc, char** argv)
{
    const int encounters = std::stoi(bench::option(argc, argv, "--encounters", "500"));
    const int runs = std::stoi(bench::option(argc, argv, "--runs", "50"));
    const int messages = std::stoi(bench::option(argc, argv, "--messages", "1000"));
    const std::filesystem::path dir =
        bench::option(argc, argv, "--dir", std::filesystem::temp_directory_path() / "practica-bench-chart");
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string db = (dir / "clinic.db").string();

    // A demo clinic's setup (providers, 200 patients, their lists), then one patient's long history.
    core::SystemClock system;
    core::DemoOptions options;
    options.patients = 200;
    options.cost = core::KdfCost::minimal();
    options.appointmentsPerProviderDay = 0;
    auto clinic = must(core::createDemoClinic(db, options, system), "demo");
    const std::int64_t now = system.nowMs();
    core::ManualClock clock(now - 500LL * 7 * 86'400'000);
    auto doctor = must(core::Vault::unlock(db, "doctor", "doctor-demo", clock), "sign-in");
    doctor->db().setCacheSizeMb(256);
    const auto providers = must(core::ScheduleSetupStore(*doctor).providers(), "providers");
    core::Patient p;
    p.familyName = "Longhistory";
    p.givenName = "Harriet";
    p.dateOfBirth = "1941-03-02";
    p.sex = "female";
    const core::Patient patient = must(core::PatientStore(*clinic.session).create(p), "patient");

    const auto setupStart = std::chrono::steady_clock::now();
    core::EncounterStore visits(*doctor);
    core::NoteStore notes(*doctor);
    core::ClinicalListStore lists(*doctor);
    int observations = 0;
    for (int i = 0; i < encounters; ++i) {
        core::Transaction tx(doctor->db());
        clock.set(now - static_cast<std::int64_t>(encounters - i) * 7 * 86'400'000);
        auto e = must(visits.startWalkIn(patient.id, providers.front().id, "follow_up", "INR check"), "visit");
        core::VitalSigns v;
        v.patientId = patient.id;
        v.encounterId = e.id;
        v.systolic = 120 + i % 30;
        v.diastolic = 70 + i % 15;
        v.pulse = 60 + i % 30;
        v.weightG = 70'000 + i * 10;
        must(lists.saveVitals(v), "vitals");
        std::vector<core::LabResult> labs;
        for (const auto& [code, name, value] :
             {std::tuple{"6301-6", "INR, plasma", "2.4"}, std::tuple{"2345-7", "Glucose", "96"},
              std::tuple{"2823-3", "Potassium", "4.2"}}) {
            core::LabResult l;
            l.patientId = patient.id;
            l.encounterId = e.id;
            l.loincCode = code;
            l.name = name;
            l.value = value;
            l.abnormalFlag = i % 9 == 0 ? "H" : "N";
            l.collectedAtMs = clock.nowMs();
            labs.push_back(l);
        }
        observations += 1 + static_cast<int>(must(lists.saveLabResults(labs), "labs").size());
        auto note = must(notes.startNote(e.id), "note");
        if (i + 3 < encounters)
            must(notes.sign(note.id), "sign");
        must(visits.close(e.id), "close");
        must(tx.commit(), "commit");
    }
    clock.set(now);
    std::printf("setup: %d encounters, %d observations for one patient in %.1f s\n", encounters, observations,
                bench::msSince(setupStart) / 1000.0);

    core::ChartReader reader(*doctor);
    Figures open, timeline;
    std::size_t timelineSize = 0;
    for (int i = 0; i < runs; ++i) {
        auto start = std::chrono::steady_clock::now();
        auto summary = must(reader.open(patient.id), "open");
        open.ms.push_back(bench::msSince(start));
        start = std::chrono::steady_clock::now();
        timelineSize = must(reader.timeline(patient.id), "timeline").size();
        timeline.ms.push_back(bench::msSince(start));
    }

    // 1,000 messages for the clinic's patients, each matched by MRN, name and birth date.
    auto stmt = must(clinic.session->db().prepare(
                         "SELECT mrn, family_name, given_name, date_of_birth FROM patient WHERE status = 'active';"),
                     "patients");
    auto people = must(stmt.all<std::vector<std::string>>([](const core::Statement& s) {
        return std::vector<std::string>{s.text(0), s.text(1), s.text(2), s.text(3)};
    }),
                       "patients");
    std::string file;
    for (int m = 0; m < messages; ++m) {
        const auto& who = people[static_cast<std::size_t>(m) % people.size()];
        const std::string id = "BENCH" + std::to_string(m);
        file += "MSH|^~\\&|LABSYS|ACMELAB|PRACTICA||20251121083015-0500||ORU^R01^ORU_R01|" + id + "|P|2.5.1\r";
        file += "PID|1||" + who[0] + "^^^CLINIC^MR||" + who[1] + "^" + who[2] + "||" + compactDate(who[3]) + "|F\r";
        file += "OBR|1|ORD" + std::to_string(m) + "|LAB" + std::to_string(m) + "|24323-8^CMP^LN|||202511210745\r";
        file += "OBX|1|NM|2345-7^Glucose^LN||" + std::to_string(70 + m % 60) + "|mg/dL|70-99|N|||F\r";
        file += "OBX|2|NM|2951-2^Sodium^LN||139|mmol/L|135-145|N|||F\r";
        file += "OBX|3|NM|2823-3^Potassium^LN||4.1|mmol/L|3.5-5.1|N|||F\r";
        file += "OBX|4|NM|2160-0^Creatinine^LN||0.9|mg/dL|0.6-1.3|N|||F\r";
    }
    core::LabImport import(*doctor);
    auto start = std::chrono::steady_clock::now();
    auto report = must(import.importFile(file, "bench.hl7"), "import");
    const double importMs = bench::msSince(start);
    start = std::chrono::steady_clock::now();
    auto again = must(import.importFile(file, "bench.hl7"), "import again");
    const double againMs = bench::msSince(start);

    bench::printHeader({"operation", "items", "p50 ms", "p95 ms", "p99 ms"}, {34, 10, 10, 10, 10});
    open.row("ChartReader::open (summary)", static_cast<std::size_t>(encounters));
    timeline.row("ChartReader::timeline", timelineSize);
    std::printf("\n");
    bench::printHeader({"lab import", "messages", "imported", "seconds", "messages/s"}, {34, 10, 10, 10, 10});
    using Kind = core::LabMessageOutcome::Kind;
    bench::printRow({"first import", std::to_string(messages), std::to_string(report.count(Kind::Imported)),
                     bench::fixed(importMs / 1000.0), bench::fixed(messages / (importMs / 1000.0), 0)},
                    {34, 10, 10, 10, 10});
    bench::printRow({"same file again (duplicates)", std::to_string(messages),
                     std::to_string(again.count(Kind::Imported)), bench::fixed(againMs / 1000.0),
                     bench::fixed(messages / (againMs / 1000.0), 0)},
                    {34, 10, 10, 10, 10});
    doctor.reset();
    clinic.session.reset();
    std::filesystem::remove_all(dir);
    return 0;
}
