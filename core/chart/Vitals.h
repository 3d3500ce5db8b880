// Vital signs in the units people type and read: each value is stored in one canonical unit (mm, g,
// tenths of a degree Celsius, mmHg, per minute, percent) and converted at the edges; BMI is computed,
// never stored; values outside the usual adult range are flagged for the eye, not refused.
#pragma once

#include "core/model/Chart.h"

#include <optional>
#include <string>
#include <vector>

namespace practica::core {

enum class UnitSystem
{
    Metric, // cm, kg, °C
    Us      // in, lb, °F
};

// Conversions, rounded to the canonical unit (a tenth of a degree, a millimetre, a gram).
int heightMmFromCm(double cm);
int heightMmFromInches(double inches);
int weightGFromKg(double kg);
int weightGFromPounds(double pounds);
int temperatureDeciCFromCelsius(double celsius);
int temperatureDeciCFromFahrenheit(double fahrenheit);
double heightCm(int heightMm);
double heightInches(int heightMm);
double weightKg(int weightG);
double weightPounds(int weightG);
double temperatureCelsius(int deciC);
double temperatureFahrenheit(int deciC);

// kg/m², rounded to one decimal; nullopt without both height and weight.
std::optional<double> bodyMassIndex(const VitalSigns& v);

enum class VitalFlag
{
    Normal,
    Low,
    High
};

// One measurement as shown: its field, its value in the chosen units with its unit, and its flag.
struct VitalReading
{
    std::string field; // height_mm, weight_g, bmi, blood_pressure, pulse, temperature_dc, respiratory_rate, spo2, pain
    std::string text;  // "120/80", "5 ft 9 in" is not used: "175.3" with unit "cm"
    std::string unit;  // "cm", "in", "kg", "lb", "kg/m2", "mmHg", "/min", "°C", "°F", "%", "/10"
    VitalFlag flag = VitalFlag::Normal;
};

// The flag of a canonical value of a field (the usual adult ranges); BMI takes the index times ten.
VitalFlag vitalFlag(const std::string& field, int value);
// Every measurement present in v, in the fixed order of the list above.
std::vector<VitalReading> vitalReadings(const VitalSigns& v, UnitSystem units);
// "BP 128/82, P 72, T 36.8 °C, ..." for a note's {{vitals}} field.
std::string vitalsLine(const VitalSigns& v, UnitSystem units);

} // namespace practica::core
