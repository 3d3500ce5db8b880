// The CLI's English sentences for a change the server refused and for a pulled change this workstation
// parked, made from their codes and params; the server's own words only when an older server sent no
// params.
#pragma once

#include "core/sync/Replica.h"

#include <map>
#include <string>

namespace practica::app {

std::string conflictSentence(const core::SyncConflict& conflict);
// What a broken field rule means, from its params (record_type, field, rule and the rule's own):
// "date of birth must not be in the future".
std::string ruleSentence(const std::map<std::string, std::string>& params);
// Why a pulled change could not be merged here, and what to do about it.
std::string parkedSentence(const core::ParkedChange& parked);

} // namespace practica::app
