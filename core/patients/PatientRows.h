// Patients, the merge trail, payers and policies as rows: each field declared once, with its rules and
// its member (core/records/RowBinding.h). The record types (PatientRecords.cpp), PatientStore,
// PayerStore and CoverageStore read these.
#pragma once

#include "core/model/Coverage.h"
#include "core/model/Patient.h"
#include "core/records/RowBinding.h"

namespace practica::core {

const RowBinding<Patient>& patientRow();
const RowBinding<PatientMerge>& patientMergeRow();
const RowBinding<Payer>& payerRow();
const RowBinding<Coverage>& coverageRow();

} // namespace practica::core
