#include "SetupDialogs.h"

#include "app/gui/common/FormRows.h"
#include "app/gui/common/UiText.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace practica::app {

namespace {

// A dialog around a form; returns the form to fill.
QFormLayout* dialogForm(QDialog& dialog, const QString& objectName, const QString& title)
{
    dialog.setObjectName(objectName);
    dialog.setWindowTitle(title);
    dialog.setMinimumWidth(420);
    auto* form = FormRows::newFormLayout();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Save)->setObjectName(objectName + QStringLiteral("Save"));
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(buttons);
    return form;
}

// A button showing a colour; clicking picks another.
QPushButton* colorButton(const std::string& initial)
{
    auto* button = new QPushButton;
    button->setObjectName(QStringLiteral("colorButton"));
    auto show = [button](const QColor& c) {
        button->setProperty("color", c.name());
        button->setText(c.name());
        button->setStyleSheet(
            QStringLiteral("QPushButton { background: %1; color: %2; }")
                .arg(c.name(), c.lightness() > 150 ? QStringLiteral("#000") : QStringLiteral("#fff")));
    };
    show(QColor(qs(initial)));
    QObject::connect(button, &QPushButton::clicked, button, [button, show] {
        const QColor c = QColorDialog::getColor(QColor(button->property("color").toString()), button);
        if (c.isValid())
            show(c);
    });
    return button;
}

std::string localText(const QDateTime& dt)
{
    return dt.toString(QStringLiteral("yyyy-MM-ddTHH:mm")).toStdString();
}

} // namespace

bool SetupDialogs::editProvider(QWidget* parent, core::Provider& p)
{
    QDialog dialog(parent);
    QFormLayout* form = dialogForm(dialog, QStringLiteral("providerDialog"), tr("Provider"));
    FormRows rows(form, nullptr);
    auto* name = FormRows::lineEdit(QStringLiteral("providerName"), tr("e.g. Samuel Okafor"));
    name->setText(qs(p.name));
    auto* credentials = FormRows::lineEdit(QStringLiteral("providerCredentials"), tr("MD, DO, NP, PA"));
    credentials->setText(qs(p.credentials));
    auto* specialty = FormRows::lineEdit(QStringLiteral("providerSpecialty"));
    specialty->setText(qs(p.specialty));
    auto* npi = FormRows::lineEdit(QStringLiteral("providerNpi"), tr("10 digits"));
    npi->setText(qs(p.npi));
    QPushButton* color = colorButton(p.color);
    auto* active = new QCheckBox(tr("Bookable"));
    active->setChecked(p.active);
    rows.add(tr("&Name"), name);
    rows.add(tr("&Credentials"), credentials);
    rows.add(tr("&Specialty"), specialty);
    rows.add(tr("N&PI"), npi);
    rows.add(tr("Co&lour"), color);
    rows.add(QString(), active);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    p.name = ss(name->text());
    p.credentials = optionalText(credentials->text());
    p.specialty = optionalText(specialty->text());
    p.npi = optionalText(npi->text());
    p.color = color->property("color").toString().toStdString();
    p.active = active->isChecked();
    return true;
}

bool SetupDialogs::editRoom(QWidget* parent, core::Room& r)
{
    QDialog dialog(parent);
    QFormLayout* form = dialogForm(dialog, QStringLiteral("roomDialog"), tr("Room"));
    FormRows rows(form, nullptr);
    auto* name = FormRows::lineEdit(QStringLiteral("roomName"), tr("e.g. Exam 1"));
    name->setText(qs(r.name));
    auto* active = new QCheckBox(tr("In use"));
    active->setChecked(r.active);
    rows.add(tr("&Name"), name);
    rows.add(QString(), active);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    r.name = ss(name->text());
    r.active = active->isChecked();
    return true;
}

bool SetupDialogs::editType(QWidget* parent, core::AppointmentType& t, const std::vector<core::Room>& rooms)
{
    QDialog dialog(parent);
    QFormLayout* form = dialogForm(dialog, QStringLiteral("typeDialog"), tr("Appointment type"));
    FormRows rows(form, nullptr);
    auto* name = FormRows::lineEdit(QStringLiteral("typeName"), tr("e.g. Follow-up"));
    name->setText(qs(t.name));
    auto* minutes = new QSpinBox;
    minutes->setObjectName(QStringLiteral("typeMinutes"));
    minutes->setRange(5, 480);
    minutes->setSingleStep(5);
    minutes->setSuffix(tr(" min"));
    minutes->setValue(t.defaultMinutes);
    QPushButton* color = colorButton(t.color);
    auto* overbook = new QCheckBox(tr("May be booked over another appointment (front desk and admins)"));
    overbook->setChecked(t.allowOverbook);
    auto* room = FormRows::combo(QStringLiteral("typeRoom"));
    room->addItem(tr("No default room"), QString());
    for (const auto& r : rooms)
        if (r.active)
            room->addItem(qs(r.name), qs(r.id));
    if (t.defaultRoomId)
        room->setCurrentIndex(std::max(0, room->findData(qs(*t.defaultRoomId))));
    auto* active = new QCheckBox(tr("Bookable"));
    active->setChecked(t.active);
    rows.add(tr("&Name"), name);
    rows.add(tr("&Length"), minutes);
    rows.add(tr("Co&lour"), color);
    rows.add(tr("&Room"), room);
    rows.add(QString(), overbook);
    rows.add(QString(), active);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    t.name = ss(name->text());
    t.defaultMinutes = minutes->value();
    t.color = color->property("color").toString().toStdString();
    t.allowOverbook = overbook->isChecked();
    t.defaultRoomId = optionalText(room->currentData().toString());
    t.active = active->isChecked();
    return true;
}

bool SetupDialogs::editBlock(QWidget* parent, core::ScheduleBlock& b, const std::vector<core::Provider>& providers)
{
    QDialog dialog(parent);
    QFormLayout* form = dialogForm(dialog, QStringLiteral("blockDialog"), tr("Block time"));
    FormRows rows(form, nullptr);
    auto* provider = FormRows::combo(QStringLiteral("blockProvider"));
    provider->addItem(tr("The whole clinic"), QString());
    for (const auto& p : providers)
        if (p.active)
            provider->addItem(qs(p.name), qs(p.id));
    if (b.providerId)
        provider->setCurrentIndex(std::max(0, provider->findData(qs(*b.providerId))));
    auto* kind = FormRows::combo(QStringLiteral("blockKind"));
    kind->addItem(tr("Blocked time"), QStringLiteral("blocked"));
    kind->addItem(tr("Vacation"), QStringLiteral("vacation"));
    kind->setCurrentIndex(b.kind == "vacation" ? 1 : 0);
    auto* from = new QDateTimeEdit(QDateTime::fromString(qs(b.startLocal), QStringLiteral("yyyy-MM-ddTHH:mm")));
    auto* to = new QDateTimeEdit(QDateTime::fromString(qs(b.endLocal), QStringLiteral("yyyy-MM-ddTHH:mm")));
    for (QDateTimeEdit* e : {from, to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("MM/dd/yyyy h:mm AP"));
    }
    auto* reason = FormRows::lineEdit(QStringLiteral("blockReason"), tr("e.g. staff meeting"));
    reason->setText(qs(b.reason));
    rows.add(tr("&For"), provider);
    rows.add(tr("&Kind"), kind);
    rows.add(tr("F&rom"), from);
    rows.add(tr("&To"), to);
    rows.add(tr("R&eason"), reason);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    b.providerId = optionalText(provider->currentData().toString());
    b.kind = kind->currentData().toString().toStdString();
    b.startLocal = localText(from->dateTime());
    b.endLocal = localText(to->dateTime());
    b.reason = ss(reason->text());
    return true;
}

bool SetupDialogs::editHoliday(QWidget* parent, core::ClinicHoliday& h)
{
    QDialog dialog(parent);
    QFormLayout* form = dialogForm(dialog, QStringLiteral("holidayDialog"), tr("Clinic holiday"));
    FormRows rows(form, nullptr);
    auto* date = new QDateEdit(QDate::fromString(qs(h.date), Qt::ISODate));
    date->setCalendarPopup(true);
    date->setDisplayFormat(QStringLiteral("MM/dd/yyyy"));
    auto* name = FormRows::lineEdit(QStringLiteral("holidayName"), tr("e.g. Thanksgiving"));
    name->setText(qs(h.name));
    rows.add(tr("&Date"), date);
    rows.add(tr("&Name"), name);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    h.date = date->date().toString(Qt::ISODate).toStdString();
    h.name = ss(name->text());
    return true;
}

} // namespace practica::app
