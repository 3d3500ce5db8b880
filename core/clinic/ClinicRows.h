// The clinic's record as a row: each field declared once with its rules and its member
// (core/records/RowBinding.h). The record type (ClinicRecords.cpp) and ClinicStore read it.
#pragma once

#include "core/model/Clinic.h"
#include "core/records/RowBinding.h"

namespace practica::core {

const RowBinding<Clinic>& clinicRow();

} // namespace practica::core
