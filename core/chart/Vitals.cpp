#include "Vitals.h"

#include <cmath>
#include <cstdio>

namespace practica::core {

namespace {

constexpr double kMmPerInch = 25.4;
constexpr double kGramsPerPound = 453.59237;

int rounded(double v)
{
    return static_cast<int>(std::lround(v));
}

std::string fixed(double v, int decimals)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, v);
    return text;
}

} // namespace

int heightMmFromCm(double cm)
{
    return rounded(cm * 10);
}
int heightMmFromInches(double inches)
{
    return rounded(inches * kMmPerInch);
}
int weightGFromKg(double kg)
{
    return rounded(kg * 1000);
}
int weightGFromPounds(double pounds)
{
    return rounded(pounds * kGramsPerPound);
}
int temperatureDeciCFromCelsius(double celsius)
{
    return rounded(celsius * 10);
}
int temperatureDeciCFromFahrenheit(double fahrenheit)
{
    return rounded((fahrenheit - 32) * 50 / 9);
}
double heightCm(int heightMm)
{
    return heightMm / 10.0;
}
double heightInches(int heightMm)
{
    return heightMm / kMmPerInch;
}
double weightKg(int weightG)
{
    return weightG / 1000.0;
}
double weightPounds(int weightG)
{
    return weightG / kGramsPerPound;
}
double temperatureCelsius(int deciC)
{
    return deciC / 10.0;
}
double temperatureFahrenheit(int deciC)
{
    return deciC * 9 / 50.0 + 32;
}

std::optional<double> bodyMassIndex(const VitalSigns& v)
{
    if (!v.heightMm || !v.weightG || *v.heightMm <= 0)
        return std::nullopt;
    const double metres = *v.heightMm / 1000.0;
    return std::round(weightKg(*v.weightG) / (metres * metres) * 10) / 10;
}

VitalFlag vitalFlag(const std::string& field, int value)
{
    struct Range
    {
        const char* field;
        int low;  // below is low
        int high; // at or above is high
    };
    // Usual adult ranges: what a nurse would point out, not a diagnosis.
    static constexpr Range kRanges[] = {{"bmi", 185, 300},
                                        {"systolic", 90, 140},
                                        {"diastolic", 60, 90},
                                        {"pulse", 50, 101},
                                        {"temperature_dc", 355, 380},
                                        {"respiratory_rate", 12, 21},
                                        {"spo2", 94, 101},
                                        {"pain", 0, 7}};
    for (const Range& r : kRanges)
        if (field == r.field)
            return value < r.low ? VitalFlag::Low : value >= r.high ? VitalFlag::High : VitalFlag::Normal;
    return VitalFlag::Normal;
}

std::vector<VitalReading> vitalReadings(const VitalSigns& v, UnitSystem units)
{
    const bool us = units == UnitSystem::Us;
    std::vector<VitalReading> out;
    if (v.heightMm)
        out.push_back({"height_mm", us ? fixed(heightInches(*v.heightMm), 1) : fixed(heightCm(*v.heightMm), 1),
                       us ? "in" : "cm", VitalFlag::Normal});
    if (v.weightG)
        out.push_back({"weight_g", us ? fixed(weightPounds(*v.weightG), 1) : fixed(weightKg(*v.weightG), 1),
                       us ? "lb" : "kg", VitalFlag::Normal});
    if (auto bmi = bodyMassIndex(v))
        out.push_back({"bmi", fixed(*bmi, 1), "kg/m2", vitalFlag("bmi", rounded(*bmi * 10))});
    if (v.systolic && v.diastolic) {
        const VitalFlag s = vitalFlag("systolic", *v.systolic);
        const VitalFlag d = vitalFlag("diastolic", *v.diastolic);
        const VitalFlag flag = (s == VitalFlag::High || d == VitalFlag::High) ? VitalFlag::High
                               : (s == VitalFlag::Low || d == VitalFlag::Low) ? VitalFlag::Low
                                                                              : VitalFlag::Normal;
        out.push_back(
            {"blood_pressure", std::to_string(*v.systolic) + "/" + std::to_string(*v.diastolic), "mmHg", flag});
    }
    if (v.pulse)
        out.push_back({"pulse", std::to_string(*v.pulse), "/min", vitalFlag("pulse", *v.pulse)});
    if (v.temperatureDeciC)
        out.push_back({"temperature_dc",
                       us ? fixed(temperatureFahrenheit(*v.temperatureDeciC), 1)
                          : fixed(temperatureCelsius(*v.temperatureDeciC), 1),
                       us ? "°F" : "°C", vitalFlag("temperature_dc", *v.temperatureDeciC)});
    if (v.respiratoryRate)
        out.push_back({"respiratory_rate", std::to_string(*v.respiratoryRate), "/min",
                       vitalFlag("respiratory_rate", *v.respiratoryRate)});
    if (v.spo2)
        out.push_back({"spo2", std::to_string(*v.spo2), "%", vitalFlag("spo2", *v.spo2)});
    if (v.pain)
        out.push_back({"pain", std::to_string(*v.pain), "/10", vitalFlag("pain", *v.pain)});
    return out;
}

std::string vitalsLine(const VitalSigns& v, UnitSystem units)
{
    static const std::pair<const char*, const char*> kLabels[] = {
        {"height_mm", "Ht"},     {"weight_g", "Wt"},         {"bmi", "BMI"},   {"blood_pressure", "BP"}, {"pulse", "P"},
        {"temperature_dc", "T"}, {"respiratory_rate", "RR"}, {"spo2", "SpO2"}, {"pain", "Pain"}};
    std::string out;
    for (const VitalReading& r : vitalReadings(v, units)) {
        const char* label = r.field.c_str();
        for (const auto& [field, short_] : kLabels)
            if (r.field == field)
                label = short_;
        out.append(out.empty() ? "" : ", ").append(label).append(" ").append(r.text).append(" ").append(r.unit);
        if (r.flag != VitalFlag::Normal)
            out.append(r.flag == VitalFlag::High ? " (high)" : " (low)");
    }
    return out;
}

} // namespace practica::core
