// The demo clinic's providers, rooms and appointment types, and the reasons patients come and cancel.
#pragma once

#include "core/demo/DemoDice.h"

#include <string_view>

namespace practica::core::demo {

struct ProviderSeed
{
    const char* name;
    const char* credentials;
    const char* npiBody; // the first nine digits; the check digit is computed
    const char* specialty;
    const char* color;
};

inline constexpr ProviderSeed kProviders[] = {
    {"Samuel Okafor", "MD", "148207735", "Family Medicine", "#2a9d8f"},
    {"Elena Vasquez", "DO", "162903418", "Internal Medicine", "#e76f51"},
    {"Mei-Lin Chen", "MD", "137546092", "Pediatrics", "#457b9d"},
    {"James O'Connor", "PA-C", "119384726", "Family Medicine", "#f4a261"},
    {"Aisha Rahman", "NP", "185620947", "Family Nurse Practitioner", "#8e44ad"},
    {"Zoë Lindqvist", "MD", "170238561", "Sports Medicine", "#6a994e"},
};
inline constexpr int kProviderCount = static_cast<int>(std::size(kProviders));
inline constexpr int kHalfDayProvider = 4; // works Friday mornings only

// One exam room per provider, a spare, and the procedure room.
inline constexpr const char* kRooms[] = {"Exam 1", "Exam 2", "Exam 3",         "Exam 4",
                                         "Exam 5", "Exam 6", "Exam 7 (spare)", "Procedure room"};
inline constexpr int kProcedureRoom = 7;

enum TypeIndex
{
    kNewPatient,
    kFollowUp,
    kAnnual,
    kSick,
    kTelehealth,
    kProcedure
};

struct TypeSeed
{
    const char* name;
    int minutes;
    const char* color;
    bool allowOverbook;
    int weight; // percent of visits
};

inline constexpr TypeSeed kTypes[] = {
    {"New patient", 30, "#264653", false, 10},     {"Follow-up", 15, "#457b9d", false, 35},
    {"Annual physical", 30, "#2a9d8f", false, 13}, {"Sick visit", 15, "#e63946", true, 20},
    {"Telehealth", 20, "#8ab17d", false, 14},      {"Procedure", 45, "#f4a261", false, 8},
};

inline constexpr std::string_view kNewReasons[] = {"Establish care", "New patient visit", "Transfer of care",
                                                   "Second opinion"};
inline constexpr std::string_view kFollowUpReasons[] = {
    "Hypertension follow-up", "Diabetes check",    "Medication review",   "Lab results",
    "Asthma follow-up",       "Thyroid follow-up", "Cholesterol recheck", "Wound check"};
inline constexpr std::string_view kAnnualReasons[] = {"Annual physical", "Well-child visit",
                                                      "Medicare annual wellness visit", "Sports physical"};
inline constexpr std::string_view kSickReasons[] = {"Sore throat",    "Cough and fever", "Ear pain",
                                                    "Rash",           "Back pain",       "Urinary symptoms",
                                                    "Sinus pressure", "Ankle sprain"};
inline constexpr std::string_view kTelehealthReasons[] = {"Medication refill", "Follow-up on labs", "Anxiety follow-up",
                                                          "Blood pressure log review"};
inline constexpr std::string_view kProcedureReasons[] = {"Skin lesion removal", "Joint injection", "Wart cryotherapy",
                                                         "Ingrown toenail", "Laceration repair"};
inline constexpr std::string_view kPatientCancelReasons[] = {"Feeling better", "Work conflict", "No transportation",
                                                             "Childcare",      "Rescheduling",  "Weather"};
inline constexpr std::string_view kClinicCancelReasons[] = {"Provider out sick", "Provider called to the hospital",
                                                            "Equipment maintenance", "Double-booked in error"};

inline std::string_view reasonFor(int type, Dice& dice)
{
    switch (type) {
    case kNewPatient:
        return dice.pick(kNewReasons);
    case kFollowUp:
        return dice.pick(kFollowUpReasons);
    case kAnnual:
        return dice.pick(kAnnualReasons);
    case kSick:
        return dice.pick(kSickReasons);
    case kTelehealth:
        return dice.pick(kTelehealthReasons);
    default:
        return dice.pick(kProcedureReasons);
    }
}

} // namespace practica::core::demo
