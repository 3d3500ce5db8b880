// The chart's records as rows: each field declared once, with its rules and its member
// (core/records/RowBinding.h). The record types (ChartRecords.cpp) and the chart's stores read these.
#pragma once

#include "core/model/Chart.h"
#include "core/records/RowBinding.h"

namespace practica::core {

const RowBinding<Encounter>& encounterRow();
const RowBinding<ClinicalNote>& clinicalNoteRow();
const RowBinding<VitalSigns>& vitalSignsRow();
const RowBinding<Problem>& problemRow();
const RowBinding<Allergy>& allergyRow();
const RowBinding<AllergyReview>& allergyReviewRow();
const RowBinding<Medication>& medicationRow();
const RowBinding<Immunization>& immunizationRow();
const RowBinding<LabResult>& labResultRow();
const RowBinding<NoteTemplate>& noteTemplateRow();

// The SOAP fields and an addendum's body: what a signature covers, with the note's identity.
const std::vector<std::string>& noteContentFields();

} // namespace practica::core
