// Shows what stands in the way of a booking or a move: each collision by name and time, and the warnings
// (outside hours, blocked time, holiday). Offers "Overbook" when core says it is allowed, or "Book anyway"
// when there are only warnings.
#pragma once

#include "core/schedule/AppointmentStore.h"

#include <QDialog>

namespace practica::app {

class ConflictDialog : public QDialog
{
    Q_OBJECT

public:
    enum Choice
    {
        Cancel,
        Overbook,
        Proceed // accept the warnings
    };

    // providerName/roomName: of the proposed appointment; verb: "Book", "Move"...
    ConflictDialog(const core::BookingCheck& check, const QString& providerName, const QString& roomName,
                   const std::string& proposedDate, const QString& verb, QWidget* parent = nullptr);
    Choice choice() const { return m_choice; }

private:
    Choice m_choice = Cancel;
};

} // namespace practica::app
