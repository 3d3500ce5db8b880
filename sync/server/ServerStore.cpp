#include "ServerStore.h"

namespace practica::sync {

std::string_view deviceStatusName(DeviceStatus status)
{
    switch (status) {
    case DeviceStatus::Pending:
        return "pending";
    case DeviceStatus::Approved:
        return "approved";
    case DeviceStatus::Revoked:
        return "revoked";
    }
    return "pending";
}

std::optional<DeviceStatus> deviceStatusFromName(std::string_view name)
{
    for (DeviceStatus s : {DeviceStatus::Pending, DeviceStatus::Approved, DeviceStatus::Revoked})
        if (deviceStatusName(s) == name)
            return s;
    return std::nullopt;
}

} // namespace practica::sync
