#include "ScheduleFixture.h"

#include "core/patients/PatientStore.h"
#include "core/schedule/ScheduleSetupStore.h"
#include "words/ErrorWords.h"

using practica::test::must;

namespace practica::test {

ScheduleFixture::ScheduleFixture()
{
    core::ScheduleSetupStore setup(admin());
    core::Provider a;
    a.name = "Avery Adams";
    a.credentials = "MD";
    a.color = "#2a9d8f";
    providerA = must(setup.addProvider(a), "provider A");
    core::Provider b;
    b.name = "Blake Brown";
    b.credentials = "NP";
    b.color = "#e76f51";
    providerB = must(setup.addProvider(b), "provider B");
    roomA = must(setup.addRoom({"", "Exam 1", true}), "room A");
    roomB = must(setup.addRoom({"", "Exam 2", true}), "room B");
    followUp = must(setup.addType({"", "Follow-up", 15, "#457b9d", false, std::nullopt, true}), "type");
    newPatient = must(setup.addType({"", "New patient", 30, "#1d3557", false, std::nullopt, true}), "type");
    sickVisit = must(setup.addType({"", "Sick visit", 15, "#e63946", true, std::nullopt, true}), "type");
    for (const auto& p : {providerA, providerB}) {
        std::vector<core::WorkingHours> week;
        for (int day = 1; day <= 5; ++day) {
            week.push_back({"", p.id, day, 8 * 60, 17 * 60, false});
            week.push_back({"", p.id, day, 12 * 60, 13 * 60, true});
        }
        if (auto s = setup.setWorkingHours(p.id, week); !s)
            qFatal("hours: %s", words::errorSentence(s.error()).c_str());
    }
    core::PatientStore store(admin());
    const char* names[][2] = {
        {"Rivera", "Ana"}, {"Chen", "Wei"}, {"Okafor", "Chidi"}, {"Novak", "Petra"}, {"Haddad", "Omar"}};
    for (const auto& n : names) {
        core::Patient p;
        p.familyName = n[0];
        p.givenName = n[1];
        p.dateOfBirth = "1980-05-05";
        p.sex = "unknown";
        patients.push_back(must(store.create(p), "patient").id);
    }
}

core::Appointment ScheduleFixture::appointment(int patient, const core::Provider& provider,
                                               const std::string& startLocal, const core::AppointmentType& type,
                                               int minutes) const
{
    core::Appointment a;
    a.patientId = patients.at(static_cast<std::size_t>(patient));
    a.providerId = provider.id;
    a.typeId = type.id;
    a.startLocal = startLocal;
    a.minutes = minutes;
    return a;
}

} // namespace practica::test
