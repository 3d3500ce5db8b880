#include "DemoClinic.h"

#include "core/auth/UserStore.h"
#include "core/auth/Vault.h"
#include "core/db/Transaction.h"
#include "core/demo/DemoBilling.h"
#include "core/demo/DemoChart.h"
#include "core/demo/DemoDice.h"
#include "core/demo/DemoNames.h"
#include "core/demo/DemoPayers.h"
#include "core/demo/DemoSchedule.h"
#include "core/patients/CoverageStore.h"
#include "core/patients/PatientStore.h"
#include "core/util/Text.h"
#include "core/util/Validators.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <random>

namespace practica::core {

namespace {

using namespace demo;
namespace chr = std::chrono;

constexpr int kBatchSize = 2000;

std::string fictionalPhone(Dice& dice)
{
    return std::string(dice.pick(kAreaCodes)) + "55501" + dice.digits(2);
}

struct Person
{
    std::string given;
    std::string family;
    std::string sex;
    chr::sys_days birth;
    std::string fullName() const { return given + " " + family; }
};

class Generator
{
public:
    Generator(Session& session, const DemoOptions& options, chr::sys_days today)
        : m_session(session), m_dice(options.seed), m_today(today), m_patients(session), m_coverage(session)
    {
    }

    Status createPayers();
    Status createPatient();
    // Active patients in the order they were created, for the schedule.
    const std::vector<std::string>& activePatientIds() const { return m_activePatientIds; }

private:
    const Community& community();
    Person person(const Community& c, const std::string& sex, int age);
    Person relative(const Community& c, const Person& of, const std::string& sex, int ageDelta, bool sameFamily);
    std::string givenName(const Community& c, const std::string& sex);
    std::string email(const Person& p);
    void address(Patient& p);
    Status addCoverage(const Patient& p, const Person& self, const Person* parent, const Person* spouse);
    Status addPolicy(const Patient& p, PayerKind kind, const std::string& rank, const Person& subscriber,
                     const std::string& relationship, int planIndex);
    int drawAge();

    Session& m_session;
    Dice m_dice;
    chr::sys_days m_today;
    PatientStore m_patients;
    CoverageStore m_coverage;
    std::array<std::string, static_cast<std::size_t>(PayerKind::Count)> m_payerIds;
    std::vector<std::string> m_activePatientIds;
};

Status Generator::createPayers()
{
    PayerStore payers(m_session);
    for (std::size_t i = 0; i < std::size(kPayers); ++i) {
        const PayerSeed& s = kPayers[i];
        Payer p;
        p.name = s.name;
        p.payerCode = s.code;
        p.addressLine1 = s.address;
        p.city = s.city;
        p.state = s.state;
        p.zip = s.zip;
        p.phone = "8005550" + std::to_string(100 + i);
        p.filingIndicator = s.filingIndicator;
        // Medicare takes claims up to a year after the date of service; the others use the clearinghouse's.
        if (std::string(s.filingIndicator) == "MB")
            p.timelyFilingDays = 365;
        auto created = payers.create(p);
        if (!created)
            return std::unexpected(created.error());
        m_payerIds[i] = created->id;
    }
    return {};
}

const Community& Generator::community()
{
    int roll = static_cast<int>(m_dice.below(100));
    for (const Community& c : kCommunities) {
        if (roll < c.weight)
            return c;
        roll -= c.weight;
    }
    return kCommunities[0];
}

std::string Generator::givenName(const Community& c, const std::string& sex)
{
    if (sex == "female")
        return std::string(m_dice.pick(c.female));
    if (sex == "male")
        return std::string(m_dice.pick(c.male));
    return std::string(m_dice.percent(50) ? m_dice.pick(c.female) : m_dice.pick(c.male));
}

int Generator::drawAge()
{
    const int bucket = static_cast<int>(m_dice.below(100));
    if (bucket < 22)
        return m_dice.between(0, 17);
    if (bucket < 57)
        return m_dice.between(18, 44);
    if (bucket < 83)
        return m_dice.between(45, 64);
    return m_dice.between(65, 95);
}

Person Generator::person(const Community& c, const std::string& sex, int age)
{
    Person p;
    p.sex = sex;
    p.given = givenName(c, sex);
    p.family = std::string(m_dice.pick(c.family));
    // The birthday falls anywhere in the year before the age's last anniversary: never in the future.
    const auto lastBirthday = m_today - chr::days{static_cast<int>(m_dice.below(365))};
    auto birth = chr::year_month_day{lastBirthday} - chr::years{age};
    if (!birth.ok()) // 29 February in a common year
        birth = birth.year() / birth.month() / chr::last;
    p.birth = chr::sys_days{birth};
    if (p.birth > m_today)
        p.birth = m_today;
    return p;
}

Person Generator::relative(const Community& c, const Person& of, const std::string& sex, int ageDelta, bool sameFamily)
{
    Person r = person(c, sex, std::clamp(ageOn(of.birth, m_today) + ageDelta, 0, 105));
    if (sameFamily)
        r.family = of.family;
    return r;
}

std::string Generator::email(const Person& p)
{
    auto ascii = [](std::string_view text) {
        std::string out;
        for (char ch : foldForSearch(text))
            if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))
                out += ch;
        return out;
    };
    std::string local = ascii(p.given);
    switch (m_dice.below(4)) {
    case 0:
        local += "." + ascii(p.family);
        break;
    case 1:
        local = local.substr(0, 1) + ascii(p.family);
        break;
    case 2:
        local += "_" + ascii(p.family) + std::to_string(yearOf(p.birth) % 100);
        break;
    default:
        local += ascii(p.family) + m_dice.digits(2);
        break;
    }
    if (local.empty())
        local = "patient" + m_dice.digits(4);
    return local + "@" + std::string(m_dice.pick(kEmailDomains));
}

void Generator::address(Patient& p)
{
    const int number = m_dice.percent(70) ? m_dice.between(1, 2999) : m_dice.between(3000, 9999);
    p.addressLine1 = std::to_string(number) + " " + std::string(m_dice.pick(kStreets));
    if (m_dice.percent(15)) {
        static constexpr std::string_view kUnits[] = {"Apt ", "Apt ", "Unit ", "# "};
        p.addressLine2 = std::string(m_dice.pick(kUnits)) + std::to_string(m_dice.between(1, 40)) +
                         (m_dice.percent(50) ? std::string(1, m_dice.letter("ABCD")) : std::string());
    }
    int total = 0;
    for (const Town& t : kTowns)
        total += t.weight;
    int roll = static_cast<int>(m_dice.below(static_cast<std::uint64_t>(total)));
    const Town* town = &kTowns[0];
    for (const Town& t : kTowns) {
        if (roll < t.weight) {
            town = &t;
            break;
        }
        roll -= t.weight;
    }
    char zip[8];
    std::snprintf(zip, sizeof zip, "%05d", town->zip + static_cast<int>(m_dice.below(town->zipCount)));
    p.city = std::string(town->city);
    p.state = std::string(town->state);
    p.zip = zip;
}

Status Generator::createPatient()
{
    const Community& c = community();
    const int sexRoll = static_cast<int>(m_dice.below(1000));
    const std::string sex = sexRoll < 505 ? "female" : sexRoll < 990 ? "male" : sexRoll < 995 ? "other" : "unknown";
    const int age = drawAge();
    const Person self = person(c, sex, age);
    const bool minor = age < 18;

    Patient p;
    p.familyName = self.family;
    p.givenName = self.given;
    p.sex = sex;
    p.dateOfBirth = isoDate(self.birth);
    if (!minor && m_dice.percent(40))
        p.middleName = givenName(c, sex);
    if (sex == "male" && m_dice.percent(3)) {
        static constexpr std::string_view kSuffixes[] = {"Jr.", "Sr.", "II", "III"};
        p.suffix = std::string(m_dice.pick(kSuffixes));
    }
    if (auto nick = nickname(self.given); !nick.empty() && m_dice.percent(35))
        p.preferredName = std::string(nick);
    if (!minor && m_dice.permille(8)) {
        static constexpr std::pair<std::string_view, std::string_view> kIdentities[] = {
            {"non-binary", "they/them"}, {"transgender woman", "she/her"}, {"transgender man", "he/him"}};
        const auto& [identity, pronouns] = m_dice.pick(kIdentities);
        p.genderIdentity = std::string(identity);
        p.pronouns = std::string(pronouns);
    }
    if (m_dice.percent(97))
        address(p);
    p.preferredLanguage = std::string(m_dice.percent(c.otherLanguagePercent) ? c.language : "en");
    if (c.language == "pl" && *p.preferredLanguage == "pl") {
        static constexpr std::string_view kEuropean[] = {"pl", "ru", "fr", "de", "it"};
        p.preferredLanguage = std::string(m_dice.pick(kEuropean));
    }

    // Children are registered with a parent, who is their guarantor and usually their emergency contact.
    std::optional<Person> parent;
    std::optional<Person> spouse;
    if (minor) {
        const bool mother = m_dice.percent(70);
        parent = relative(c, self, mother ? "female" : "male", m_dice.between(20, 40), m_dice.percent(85));
        const std::string parentPhone = fictionalPhone(m_dice);
        p.phoneMobile = parentPhone;
        p.guarantorName = parent->fullName();
        const bool grandparent = m_dice.percent(4);
        p.guarantorRelationship =
            grandparent ? (mother ? "grandmother" : "grandfather") : (mother ? "mother" : "father");
        p.guarantorPhone = parentPhone;
        if (m_dice.percent(92)) {
            p.emergencyName = parent->fullName();
            p.emergencyRelationship = "parent";
            p.emergencyPhone = parentPhone;
        }
        if (age >= 13 && m_dice.percent(50))
            p.phoneMobile = fictionalPhone(m_dice);
    } else {
        if (m_dice.percent(85))
            p.phoneMobile = fictionalPhone(m_dice);
        if (m_dice.percent(age >= 60 ? 60 : 25) || !p.phoneMobile)
            p.phoneHome = fictionalPhone(m_dice);
        if (age < 66 && m_dice.percent(15))
            p.phoneWork = fictionalPhone(m_dice);
        if (m_dice.percent(age >= 75 ? 30 : 65))
            p.email = email(self);
        if (age >= 22 && m_dice.percent(55)) {
            const std::string otherSex = sex == "female" ? "male" : "female";
            spouse = relative(c, self, m_dice.percent(94) ? otherSex : sex, m_dice.between(-6, 6), m_dice.percent(70));
        }
        if (m_dice.percent(85)) {
            if (spouse && m_dice.percent(80)) {
                p.emergencyName = spouse->fullName();
                p.emergencyRelationship = "spouse";
            } else {
                static constexpr std::string_view kRelations[] = {"parent", "sibling", "child", "friend", "partner"};
                const std::string_view relation = m_dice.pick(kRelations);
                const int delta = relation == "parent" ? 25 : relation == "child" ? -28 : 0;
                const Person contact = relative(c, self, m_dice.percent(50) ? "female" : "male", delta,
                                                relation != "friend" && relation != "partner");
                p.emergencyName = contact.fullName();
                p.emergencyRelationship = std::string(relation);
            }
            p.emergencyPhone = fictionalPhone(m_dice);
        }
    }

    const int deathPermille = age >= 80 ? 60 : age >= 65 ? 20 : 2;
    if (m_dice.permille(deathPermille)) {
        p.status = PatientStatus::Deceased;
        const auto earliest = std::max(self.birth, m_today - chr::days{5 * 365});
        p.deceasedDate = isoDate(earliest + chr::days{static_cast<int>(m_dice.below(
                                                static_cast<std::uint64_t>((m_today - earliest).count() + 1)))});
    } else if (m_dice.percent(5)) {
        p.status = PatientStatus::Inactive;
    }

    auto created = m_patients.create(std::move(p));
    if (!created)
        return std::unexpected(created.error());
    if (created->status == PatientStatus::Active)
        m_activePatientIds.push_back(created->id);
    return addCoverage(*created, self, parent ? &*parent : nullptr, spouse ? &*spouse : nullptr);
}

Status Generator::addCoverage(const Patient& p, const Person& self, const Person* parent, const Person* spouse)
{
    const int age = ageOn(self.birth, m_today);
    static constexpr PayerKind kCommercial[] = {
        PayerKind::Bcbs,  PayerKind::Bcbs,  PayerKind::Bcbs,  PayerKind::United, PayerKind::United, PayerKind::Aetna,
        PayerKind::Aetna, PayerKind::Cigna, PayerKind::Cigna, PayerKind::Humana, PayerKind::Tricare};
    auto commercial = [&] { return m_dice.pick(kCommercial); };
    auto plan = [&] { return static_cast<int>(m_dice.below(2)); };

    if (age >= 65) {
        if (m_dice.percent(1))
            return {};
        const bool advantage = m_dice.percent(30);
        if (advantage)
            return addPolicy(p, PayerKind::Humana, "primary", self, "self", 0);
        if (Status s = addPolicy(p, PayerKind::Medicare, "primary", self, "self", 0); !s)
            return s;
        const int roll = static_cast<int>(m_dice.below(100));
        if (roll < 45)
            return addPolicy(p, PayerKind::United, "secondary", self, "self", 2);
        if (roll < 55)
            return addPolicy(p, PayerKind::Medicaid, "secondary", self, "self", 0);
        if (roll < 60)
            return addPolicy(p, PayerKind::Tricare, "secondary", self, "self", 2);
        return {};
    }
    if (parent) {
        if (m_dice.percent(4))
            return {};
        if (m_dice.percent(38))
            return addPolicy(p, PayerKind::Medicaid, "primary", self, "self", 1);
        const PayerKind kind = commercial();
        if (Status s = addPolicy(p, kind, "primary", *parent, "child", plan()); !s)
            return s;
        if (m_dice.percent(6)) {
            const Person other = relative(kCommunities[0], *parent, parent->sex == "female" ? "male" : "female",
                                          m_dice.between(-4, 4), true);
            PayerKind second = commercial();
            if (second == kind)
                second = kind == PayerKind::Cigna ? PayerKind::Aetna : PayerKind::Cigna;
            return addPolicy(p, second, "secondary", other, "child", plan());
        }
        return {};
    }
    if (m_dice.percent(10))
        return {};
    if (m_dice.percent(11))
        return addPolicy(p, PayerKind::Medicaid, "primary", self, "self", 0);
    if (m_dice.percent(2))
        return addPolicy(p, PayerKind::Medicare, "primary", self, "self", 0); // under 65 with a disability
    const PayerKind kind = commercial();
    const bool viaSpouse = spouse && m_dice.percent(30);
    if (Status s = addPolicy(p, kind, "primary", viaSpouse ? *spouse : self, viaSpouse ? "spouse" : "self", plan()); !s)
        return s;
    if (spouse && m_dice.percent(12)) {
        PayerKind second = commercial();
        if (second == kind)
            second = kind == PayerKind::Aetna ? PayerKind::United : PayerKind::Aetna;
        return addPolicy(p, second, "secondary", viaSpouse ? self : *spouse, viaSpouse ? "self" : "spouse", plan());
    }
    return {};
}

Status Generator::addPolicy(const Patient& p, PayerKind kind, const std::string& rank, const Person& subscriber,
                            const std::string& relationship, int planIndex)
{
    const auto index = static_cast<std::size_t>(kind);
    const chr::sys_days birth = parseIso(p.dateOfBirth);
    Coverage c;
    c.patientId = p.id;
    c.payerId = m_payerIds[index];
    c.rank = rank;
    c.memberId = memberId(kind, m_dice);
    c.planName = kPayers[index].plans[static_cast<std::size_t>(planIndex)];
    if (kind != PayerKind::Medicare && kind != PayerKind::Medicaid && kind != PayerKind::Tricare)
        c.groupNumber = m_dice.percent(50) ? m_dice.digits(7) : std::string("GRP") + m_dice.digits(5);
    c.subscriberName = subscriber.fullName();
    c.subscriberBirthDate = isoDate(subscriber.birth);
    c.relationship = relationship;
    // Medicare starts on the first of the 65th birthday month; other plans on a January 1st, after birth.
    chr::sys_days effective = janFirst(yearOf(m_today) - static_cast<int>(m_dice.below(8)));
    if (kind == PayerKind::Medicare && ageOn(birth, m_today) >= 65) {
        const chr::year_month_day b{birth};
        effective = chr::sys_days{(b.year() + chr::years{65}) / b.month() / 1};
    }
    effective = std::min(std::max(effective, birth), m_today);
    c.effectiveDate = isoDate(effective);
    auto added = m_coverage.add(std::move(c));
    if (!added)
        return std::unexpected(added.error());
    return {};
}

void removeClinicFiles(const std::string& path)
{
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        std::filesystem::remove(path + suffix, ec);
    std::filesystem::remove(KeyFile::pathFor(path), ec);
}

Clinic demoClinic()
{
    Clinic c;
    c.name = "Riverbend Family Health";
    c.npi = std::string("154827396") + luhnCheckDigit("80840154827396");
    c.taxId = "31-4827713";
    c.addressLine1 = "2150 Riverside Drive";
    c.addressLine2 = "Suite 200";
    c.city = "Columbus";
    c.state = "OH";
    c.zip = "43221-1306"; // ZIP+4: a claim's billing provider needs all nine digits
    c.phone = "6145550100";
    c.timeZone = "America/New_York";
    c.mrnPrefix = "RB";
    return c;
}

Result<DemoClinic> build(const std::string& path, const DemoOptions& options, const Clock& clock)
{
    const Clinic clinic = demoClinic();
    DemoClinic demo;
    demo.logins = {{"admin", options.adminPassword, Role::Admin, "Alex Morgan"},
                   {"frontdesk", "frontdesk-demo", Role::FrontDesk, "Rosa Delgado"},
                   {"doctor", "doctor-demo", Role::Clinician, "Dr. Samuel Okafor"},
                   {"biller", "biller-demo", Role::Biller, "Priya Raman"}};
    const DemoLogin& admin = demo.logins.front();
    auto session =
        Vault::createClinic(path, clinic, {admin.username, admin.displayName, admin.password}, clock, options.cost);
    if (!session)
        return std::unexpected(session.error());
    demo.session = std::move(*session);
    Session& s = *demo.session;
    s.db().setCacheSizeMb(256);

    UserStore users(s);
    for (std::size_t i = 1; i < demo.logins.size(); ++i) {
        const DemoLogin& l = demo.logins[i];
        if (auto added = users.add(l.username, l.displayName, l.role, l.password, options.cost); !added)
            return std::unexpected(added.error());
    }

    const auto today = parseIso(isoDateIn(clock.nowMs(), clinic.timeZone));
    Generator generator(s, options, today);
    if (Status st = generator.createPayers(); !st)
        return std::unexpected(st.error());

    auto clinicTime = ClinicTime::forZone(clinic.timeZone);
    if (!clinicTime)
        return std::unexpected(clinicTime.error());
    // Planned before anything is written, so that progress knows the total from the start.
    std::optional<demo::DemoSchedule> schedule;
    if (options.schedule)
        schedule.emplace(*clinicTime, clock.nowMs(), options.seed, options.appointmentsPerProviderDay);
    if (schedule && options.charts)
        schedule->leaveSeenVisitsOf(0); // the clinician of the demo's logins is its first provider
    const std::int64_t patients = std::max(options.patients, 0);
    const std::int64_t total = patients + (schedule ? schedule->plannedAppointments() : 0);
    std::int64_t done = 0;
    if (options.progress && !options.progress(0, total))
        return fail(ErrorCode::Conflict, "demo", Rule::Cancelled);
    while (done < patients) {
        const std::int64_t batchEnd = std::min<std::int64_t>(done + kBatchSize, patients);
        Transaction tx(s.db());
        if (!tx.begun())
            return std::unexpected(tx.begun().error());
        for (; done < batchEnd; ++done)
            if (Status st = generator.createPatient(); !st)
                return std::unexpected(st.error());
        if (Status st = tx.commit(); !st)
            return std::unexpected(st.error());
        if (options.progress && !options.progress(done, total))
            return fail(ErrorCode::Conflict, "demo", Rule::Cancelled);
    }
    if (schedule) {
        // Small clinics book fewer than planned (a patient at most once a day): the last report says done.
        std::int64_t reported = done;
        auto booked = [&](std::int64_t appointments) {
            reported = std::min(patients + appointments, total);
            return !options.progress || options.progress(reported, total);
        };
        if (Status st = schedule->write(s, generator.activePatientIds(), kBatchSize, booked); !st)
            return std::unexpected(st.error());
        if (options.progress && reported < total && !options.progress(total, total))
            return fail(ErrorCode::Conflict, "demo", Rule::Cancelled);
        demo.appointments = schedule->booked();
    }
    if (options.charts) {
        // Clinical records are the clinician's: written in their own session, its clock at each visit.
        const DemoLogin& clinician = demo.logins[2];
        ManualClock chartClock(clock.nowMs());
        auto doctor = Vault::unlock(path, clinician.username, clinician.password, chartClock);
        if (!doctor)
            return std::unexpected(doctor.error());
        (*doctor)->db().setCacheSizeMb(256);
        const std::string providerId =
            schedule && !schedule->providerIds().empty() ? schedule->providerIds().front() : "";
        demo::DemoChart chart(**doctor, chartClock, clock.nowMs(), options.seed, providerId);
        const std::vector<demo::DemoSchedule::SeenVisit> none;
        // No progress report here: its total counts patients and appointments only.
        if (Status st = chart.write(generator.activePatientIds(), schedule ? schedule->seenVisits() : none, {}); !st)
            return std::unexpected(st.error());
        demo.encounters = chart.counts().encounters;
        // Claims are the biller's: from the clinician's signed visits, in the biller's own session.
        const DemoLogin& billing = demo.logins[3];
        auto biller = Vault::unlock(path, billing.username, billing.password, clock);
        if (!biller)
            return std::unexpected(biller.error());
        auto billed = demo::writeDemoBilling(**biller);
        if (!billed)
            return std::unexpected(billed.error());
        demo.claims = billed->claims;
    }
    return demo;
}

} // namespace

Result<DemoClinic> createDemoClinic(const std::string& databasePath, const DemoOptions& options, const Clock& clock)
{
    auto result = build(databasePath, options, clock);
    if (!result && result.error().code != ErrorCode::AlreadyExists)
        removeClinicFiles(databasePath);
    return result;
}

} // namespace practica::core
