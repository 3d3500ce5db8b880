// A synthetic patient's whole history as a FHIR R4 transaction Bundle, shaped the way the Synthea generator
// writes its patient files (urn:uuid: fullUrls, POST requests, conditional Practitioner, Organization and
// Location references, SNOMED CT conditions, CVX immunizations, RxNorm medication requests, vital signs in
// US units, labs, and the claims, benefits, care plans, devices and the like that come with them). Made by
// this code, deterministically from a seed; no generator output is copied.
#pragma once

#include <map>
#include <string>

namespace practica::test {

struct SyntheticBundle
{
    std::string json;
    int entries = 0;
    std::map<std::string, int> kept;    // resource type -> entries Practica should keep
    std::map<std::string, int> skipped; // resource type -> entries it should skip
    int vitalObservations = 0;          // vital-sign Observations (blood pressure panels count once)
    int vitalSets = 0;                  // encounters with vital signs
    std::string firstHeightIn, firstWeightLb, firstTemperatureF;
};

// encounters: how many visits (each brings vital signs, a claim and an explanation of benefit);
// npi: the clinic provider's NPI that most encounters name (every tenth names an unknown practitioner).
SyntheticBundle syntheaLikeBundle(int encounters, const std::string& npi, unsigned seed);

} // namespace practica::test
