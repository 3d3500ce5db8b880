#include "ChartDialogs.h"

#include "ChartText.h"
#include "app/gui/common/FormRows.h"
#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"
#include "core/chart/ClinicalListStore.h"
#include "core/chart/Vitals.h"
#include "core/codes/CodeSets.h"
#include "core/util/Validators.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStringListModel>
#include <QTimer>
#include <QVBoxLayout>

namespace practica::app {

namespace {

// A spin box whose lowest value means "not taken".
QSpinBox* intBox(const QString& name, int max, const QString& suffix)
{
    auto* box = new QSpinBox;
    box->setObjectName(name);
    box->setRange(0, max);
    box->setSpecialValueText(QStringLiteral("—"));
    box->setSuffix(suffix);
    return box;
}

QDoubleSpinBox* decimalBox(const QString& name, double max)
{
    auto* box = new QDoubleSpinBox;
    box->setObjectName(name);
    box->setRange(0, max);
    box->setDecimals(1);
    box->setSpecialValueText(QStringLiteral("—"));
    return box;
}

std::optional<int> taken(const QSpinBox* box)
{
    return box->value() == box->minimum() ? std::nullopt : std::optional<int>(box->value());
}

// A date typed as MM/DD/YYYY or YYYY-MM-DD; nullopt when empty. A wrong one is passed on as typed, so
// the record's rule names it.
std::optional<std::string> dateText(const QLineEdit* edit)
{
    const QString t = edit->text().trimmed();
    if (t.isEmpty())
        return std::nullopt;
    auto parsed = core::parseDate(t.toStdString());
    return parsed ? *parsed : t.toStdString();
}

QString usDate(const std::optional<std::string>& iso)
{
    return iso ? UiText::usDate(*iso) : QString();
}

QComboBox* choices(const QString& name, const std::vector<std::string>& codes,
                   const std::function<QString(const std::string&)>& word, const std::string& current)
{
    auto* box = FormRows::combo(name);
    for (const std::string& c : codes)
        box->addItem(word(c), qs(c));
    box->setCurrentIndex(std::max(0, box->findData(qs(current))));
    return box;
}

std::string chosen(const QComboBox* box)
{
    return box->currentData().toString().toStdString();
}

// A search field over a code set: as the user types words or a code, the matches drop down ("E11.9  Type 2
// diabetes without complications"); choosing one hands its entry to chosen.
QLineEdit* codeSearch(const QString& objectName, const QString& placeholder, core::CodeSystem system,
                      std::function<void(const core::CodeEntry&)> chosen)
{
    auto* edit = FormRows::lineEdit(objectName, placeholder);
    auto* model = new QStringListModel(edit);
    auto* completer = new QCompleter(model, edit);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion); // the code set ranks, not the completer
    completer->setMaxVisibleItems(12);
    edit->setCompleter(completer);
    QObject::connect(edit, &QLineEdit::textEdited, edit, [model, system](const QString& text) {
        QStringList rows;
        if (text.trimmed().size() >= 2)
            for (const core::CodeEntry& e : core::CodeSet::builtin(system).search(text.toStdString(), 30))
                if (system != core::CodeSystem::Icd10Cm || e.billable)
                    rows << qs(e.code) + QStringLiteral("  ") + qs(e.description);
        model->setStringList(rows);
    });
    QObject::connect(
        completer, qOverload<const QString&>(&QCompleter::activated), edit, [edit, system, chosen](const QString& row) {
            if (auto entry = core::CodeSet::builtin(system).find(row.section(QLatin1Char(' '), 0, 0).toStdString()))
                chosen(*entry);
            QTimer::singleShot(0, edit, [edit] { edit->clear(); });
        });
    return edit;
}

} // namespace

ChartEntryDialog::ChartEntryDialog(Workspace& workspace, const QString& objectName, const QString& title,
                                   QWidget* parent)
    : QDialog(parent), m_workspace(workspace)
{
    setObjectName(objectName);
    setWindowTitle(title);
    setMinimumWidth(460);
    m_form = FormRows::newFormLayout();
    m_banner = new QLabel;
    m_banner->setObjectName(objectName + QStringLiteral("Message"));
    m_banner->setProperty("role", QStringLiteral("banner"));
    m_banner->setWordWrap(true);
    m_banner->hide();
}

QLabel* ChartEntryDialog::addRow(const QString& label, QWidget* input, const QString& field)
{
    return FormRows(m_form, &m_messages).add(label, input, field);
}

void ChartEntryDialog::finishLayout()
{
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Save)->setObjectName(objectName() + QStringLiteral("Save"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ChartEntryDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_banner);
    layout->addWidget(buttons);
}

void ChartEntryDialog::save()
{
    core::Session* session = m_workspace.session();
    if (!session)
        return;
    m_messages.clear();
    m_banner->hide();
    core::Status stored = store(*session);
    if (stored) {
        accept();
        return;
    }
    const auto unplaced = m_messages.show({stored.error()});
    if (!unplaced.empty()) {
        m_banner->setText(UiText::error(unplaced.front()));
        m_banner->show();
    }
    if (QWidget* w = m_messages.firstInvalidInput())
        w->setFocus();
}

// ---- Vital signs ----

VitalsDialog::VitalsDialog(Workspace& workspace, std::string patientId, std::optional<std::string> encounterId,
                           QWidget* parent)
    : ChartEntryDialog(workspace, QStringLiteral("vitalsDialog"), tr("Record vital signs"), parent),
      m_patientId(std::move(patientId)), m_encounterId(std::move(encounterId))
{
    m_us = new QCheckBox(tr("US units (in, lb, °F)"));
    m_us->setObjectName(QStringLiteral("vitalsUsUnits"));
    m_height = decimalBox(QStringLiteral("vitalsHeight"), 300);
    m_weight = decimalBox(QStringLiteral("vitalsWeight"), 1500);
    m_bmi = new QLabel(QStringLiteral("—"));
    m_bmi->setObjectName(QStringLiteral("vitalsBmi"));
    m_systolic = intBox(QStringLiteral("vitalsSystolic"), 320, QStringLiteral(" mmHg"));
    m_diastolic = intBox(QStringLiteral("vitalsDiastolic"), 250, QStringLiteral(" mmHg"));
    m_pulse = intBox(QStringLiteral("vitalsPulse"), 350, tr(" /min"));
    m_temperature = decimalBox(QStringLiteral("vitalsTemperature"), 120);
    m_respiratory = intBox(QStringLiteral("vitalsRespiratory"), 120, tr(" /min"));
    m_spo2 = intBox(QStringLiteral("vitalsSpo2"), 100, QStringLiteral(" %"));
    m_pain = intBox(QStringLiteral("vitalsPain"), 10, tr(" of 10"));
    m_pain->setMinimum(-1); // 0 is a pain score; "not asked" is below it
    m_pain->setValue(-1);
    addRow(QString(), m_us, {});
    addRow(tr("&Height"), m_height, QStringLiteral("height_mm"));
    addRow(tr("&Weight"), m_weight, QStringLiteral("weight_g"));
    addRow(tr("BMI"), m_bmi, {});
    addRow(tr("Blood pressure, s&ystolic"), m_systolic, QStringLiteral("systolic"));
    addRow(tr("Blood pressure, &diastolic"), m_diastolic, QStringLiteral("diastolic"));
    addRow(tr("&Pulse"), m_pulse, QStringLiteral("pulse"));
    addRow(tr("&Temperature"), m_temperature, QStringLiteral("temperature_dc"));
    addRow(tr("&Respiratory rate"), m_respiratory, QStringLiteral("respiratory_rate"));
    addRow(tr("&SpO2"), m_spo2, QStringLiteral("spo2"));
    addRow(tr("P&ain"), m_pain, QStringLiteral("pain"));
    finishLayout();
    connect(m_us, &QCheckBox::toggled, this, &VitalsDialog::setUsUnits);
    for (QDoubleSpinBox* box : {m_height, m_weight})
        connect(box, &QDoubleSpinBox::valueChanged, this, &VitalsDialog::updateBmi);
    setUsUnits(true); // the units a US front office reads
    m_us->setChecked(true);
}

void VitalsDialog::setUsUnits(bool us)
{
    m_height->setSuffix(us ? tr(" in") : tr(" cm"));
    m_weight->setSuffix(us ? tr(" lb") : tr(" kg"));
    m_temperature->setSuffix(us ? tr(" °F") : tr(" °C"));
    updateBmi();
}

void VitalsDialog::updateBmi()
{
    const bool us = m_us->isChecked();
    core::VitalSigns v;
    if (m_height->value() > 0)
        v.heightMm = us ? core::heightMmFromInches(m_height->value()) : core::heightMmFromCm(m_height->value());
    if (m_weight->value() > 0)
        v.weightG = us ? core::weightGFromPounds(m_weight->value()) : core::weightGFromKg(m_weight->value());
    const auto bmi = core::bodyMassIndex(v);
    m_bmi->setText(bmi ? QString::number(*bmi, 'f', 1) + QStringLiteral(" kg/m²") : QStringLiteral("—"));
}

core::Status VitalsDialog::store(core::Session& session)
{
    const bool us = m_us->isChecked();
    core::VitalSigns v;
    v.patientId = m_patientId;
    v.encounterId = m_encounterId;
    if (m_height->value() > 0)
        v.heightMm = us ? core::heightMmFromInches(m_height->value()) : core::heightMmFromCm(m_height->value());
    if (m_weight->value() > 0)
        v.weightG = us ? core::weightGFromPounds(m_weight->value()) : core::weightGFromKg(m_weight->value());
    if (m_temperature->value() > 0)
        v.temperatureDeciC = us ? core::temperatureDeciCFromFahrenheit(m_temperature->value())
                                : core::temperatureDeciCFromCelsius(m_temperature->value());
    v.systolic = taken(m_systolic);
    v.diastolic = taken(m_diastolic);
    v.pulse = taken(m_pulse);
    v.respiratoryRate = taken(m_respiratory);
    v.spo2 = taken(m_spo2);
    v.pain = taken(m_pain);
    auto saved = core::ClinicalListStore(session).saveVitals(v);
    if (!saved)
        return std::unexpected(saved.error());
    m_saved = *saved;
    return {};
}

// ---- Problems ----

ProblemDialog::ProblemDialog(Workspace& workspace, core::Problem problem, QWidget* parent)
    : ChartEntryDialog(workspace, QStringLiteral("problemDialog"),
                       problem.id.empty() ? tr("Add a problem") : tr("Problem"), parent),
      m_problem(std::move(problem))
{
    m_search = codeSearch(QStringLiteral("problemSearch"), tr("Type a diagnosis or an ICD-10-CM code"),
                          core::CodeSystem::Icd10Cm, [this](const core::CodeEntry& e) {
                              m_code->setText(qs(e.code));
                              m_display->setText(qs(e.description));
                          });
    m_code = FormRows::lineEdit(QStringLiteral("problemCode"), tr("ICD-10-CM, e.g. E11.9"));
    m_code->setText(qs(m_problem.code));
    FormRows::upperCase(m_code);
    m_display = FormRows::lineEdit(QStringLiteral("problemDisplay"), tr("e.g. Type 2 diabetes"));
    m_display->setText(qs(m_problem.display));
    m_onset = FormRows::lineEdit(QStringLiteral("problemOnset"), tr("MM/DD/YYYY"));
    m_onset->setText(usDate(m_problem.onsetDate));
    m_status = choices(QStringLiteral("problemStatus"), {"active", "inactive", "resolved", "entered_in_error"},
                       ChartText::status, m_problem.status);
    m_resolved = FormRows::lineEdit(QStringLiteral("problemResolved"), tr("MM/DD/YYYY"));
    m_resolved->setText(usDate(m_problem.resolvedDate));
    m_note = FormRows::lineEdit(QStringLiteral("problemNote"));
    m_note->setText(qs(m_problem.note));
    if (m_problem.id.empty())
        addRow(tr("&Find"), m_search, {});
    else
        m_search->hide();
    addRow(tr("&Code"), m_code, QStringLiteral("code"));
    addRow(tr("&Description"), m_display, QStringLiteral("display"));
    addRow(tr("&Onset"), m_onset, QStringLiteral("onset_date"));
    addRow(tr("&Status"), m_status, QStringLiteral("status"));
    addRow(tr("&Resolved on"), m_resolved, QStringLiteral("resolved_date"));
    addRow(tr("&Note"), m_note, QStringLiteral("note"));
    finishLayout();
}

core::Status ProblemDialog::store(core::Session& session)
{
    core::Problem p = m_problem;
    if (p.codeSystem == "icd10cm" || p.id.empty()) {
        p.code = ss(m_code->text());
        if (auto normal = core::normalizeIcd10Cm(p.code)) // "e119" is E11.9
            p.code = *normal;
    }
    p.display = ss(m_display->text());
    p.onsetDate = dateText(m_onset);
    p.status = chosen(m_status);
    p.resolvedDate = dateText(m_resolved);
    p.note = optionalText(m_note->text());
    auto saved = core::ClinicalListStore(session).saveProblem(p);
    if (!saved)
        return std::unexpected(saved.error());
    return {};
}

// ---- Allergies ----

AllergyDialog::AllergyDialog(Workspace& workspace, core::Allergy allergy, QWidget* parent)
    : ChartEntryDialog(workspace, QStringLiteral("allergyDialog"),
                       allergy.id.empty() ? tr("Add an allergy") : tr("Allergy"), parent),
      m_allergy(std::move(allergy))
{
    m_category = choices(QStringLiteral("allergyCategory"), {"drug", "drug_class", "food", "environmental", "other"},
                         ChartText::allergyCategory, m_allergy.category);
    m_substance = FormRows::lineEdit(QStringLiteral("allergySubstance"), tr("e.g. Penicillin"));
    m_substance->setText(qs(m_allergy.substance));
    m_reaction = FormRows::lineEdit(QStringLiteral("allergyReaction"), tr("e.g. hives"));
    m_reaction->setText(qs(m_allergy.reaction));
    m_severity = choices(QStringLiteral("allergySeverity"), {"unknown", "mild", "moderate", "severe"},
                         ChartText::severity, m_allergy.severity);
    m_status = choices(QStringLiteral("allergyStatus"), {"active", "inactive", "resolved", "entered_in_error"},
                       ChartText::status, m_allergy.status);
    addRow(tr("&Kind"), m_category, QStringLiteral("category"));
    addRow(tr("&Substance"), m_substance, QStringLiteral("substance"));
    addRow(tr("&Reaction"), m_reaction, QStringLiteral("reaction"));
    addRow(tr("S&everity"), m_severity, QStringLiteral("severity"));
    addRow(tr("S&tatus"), m_status, QStringLiteral("status"));
    finishLayout();
}

core::Status AllergyDialog::store(core::Session& session)
{
    core::Allergy a = m_allergy;
    a.category = chosen(m_category);
    a.substance = ss(m_substance->text());
    a.reaction = optionalText(m_reaction->text());
    a.severity = chosen(m_severity);
    a.status = chosen(m_status);
    auto saved = core::ClinicalListStore(session).saveAllergy(a);
    if (!saved)
        return std::unexpected(saved.error());
    return {};
}

// ---- Medications ----

MedicationDialog::MedicationDialog(Workspace& workspace, core::Medication medication, QWidget* parent)
    : ChartEntryDialog(workspace, QStringLiteral("medicationDialog"),
                       medication.id.empty() ? tr("Add a medication") : tr("Medication"), parent),
      m_medication(std::move(medication))
{
    m_name = FormRows::lineEdit(QStringLiteral("medicationName"), tr("e.g. Lisinopril 10 mg tablet"));
    m_name->setText(qs(m_medication.name));
    m_dose = FormRows::lineEdit(QStringLiteral("medicationDose"), tr("e.g. 1 tablet"));
    m_dose->setText(qs(m_medication.dose));
    m_route = FormRows::lineEdit(QStringLiteral("medicationRoute"), tr("e.g. by mouth"));
    m_route->setText(qs(m_medication.route));
    m_frequency = FormRows::lineEdit(QStringLiteral("medicationFrequency"), tr("e.g. once daily"));
    m_frequency->setText(qs(m_medication.frequency));
    m_start = FormRows::lineEdit(QStringLiteral("medicationStart"), tr("MM/DD/YYYY"));
    m_start->setText(usDate(m_medication.startDate));
    m_status = choices(QStringLiteral("medicationStatus"), {"active", "discontinued", "completed", "entered_in_error"},
                       ChartText::status, m_medication.status);
    m_source =
        choices(QStringLiteral("medicationSource"), {"reported", "prescribed"}, ChartText::status, m_medication.source);
    addRow(tr("&Medication"), m_name, QStringLiteral("name"));
    addRow(tr("&Dose"), m_dose, QStringLiteral("dose"));
    addRow(tr("&Route"), m_route, QStringLiteral("route"));
    addRow(tr("&Frequency"), m_frequency, QStringLiteral("frequency"));
    addRow(tr("S&tarted"), m_start, QStringLiteral("start_date"));
    addRow(tr("&Status"), m_status, QStringLiteral("status"));
    addRow(tr("S&ource"), m_source, QStringLiteral("source"));
    finishLayout();
}

core::Status MedicationDialog::store(core::Session& session)
{
    core::Medication m = m_medication;
    m.name = ss(m_name->text());
    m.dose = optionalText(m_dose->text());
    m.route = optionalText(m_route->text());
    m.frequency = optionalText(m_frequency->text());
    m.startDate = dateText(m_start);
    m.status = chosen(m_status);
    m.source = chosen(m_source);
    if (m.status == "discontinued" && !m.endDate)
        m.endDate = m_workspace.todayIso();
    auto saved = core::ClinicalListStore(session).saveMedication(m);
    if (!saved)
        return std::unexpected(saved.error());
    return {};
}

// ---- Immunizations ----

ImmunizationDialog::ImmunizationDialog(Workspace& workspace, core::Immunization immunization, QWidget* parent)
    : ChartEntryDialog(workspace, QStringLiteral("immunizationDialog"),
                       immunization.id.empty() ? tr("Record an immunization") : tr("Immunization"), parent),
      m_immunization(std::move(immunization))
{
    m_search = codeSearch(QStringLiteral("immunizationSearch"), tr("Type a vaccine or a CVX code"),
                          core::CodeSystem::Cvx, [this](const core::CodeEntry& e) {
                              m_cvx->setText(qs(e.code));
                              m_vaccine->setText(qs(e.description));
                          });
    m_cvx = FormRows::lineEdit(QStringLiteral("immunizationCvx"), tr("CVX code, e.g. 150"));
    m_cvx->setText(qs(m_immunization.cvxCode));
    m_vaccine = FormRows::lineEdit(QStringLiteral("immunizationVaccine"), tr("e.g. Influenza, quadrivalent"));
    m_vaccine->setText(qs(m_immunization.vaccine));
    m_date = FormRows::lineEdit(QStringLiteral("immunizationDate"), tr("MM/DD/YYYY"));
    m_date->setText(m_immunization.administeredOn.empty() ? UiText::usDate(workspace.todayIso())
                                                          : UiText::usDate(m_immunization.administeredOn));
    m_lot = FormRows::lineEdit(QStringLiteral("immunizationLot"));
    m_lot->setText(qs(m_immunization.lotNumber));
    m_site = FormRows::combo(QStringLiteral("immunizationSite"));
    const std::pair<const char*, QString> sites[] = {{"", tr("—")},
                                                     {"left_deltoid", tr("Left deltoid")},
                                                     {"right_deltoid", tr("Right deltoid")},
                                                     {"left_thigh", tr("Left thigh")},
                                                     {"right_thigh", tr("Right thigh")},
                                                     {"left_arm", tr("Left arm")},
                                                     {"right_arm", tr("Right arm")},
                                                     {"mouth", tr("Mouth")},
                                                     {"nose", tr("Nose")},
                                                     {"other", tr("Other")}};
    for (const auto& [code, word] : sites)
        m_site->addItem(word, QString::fromLatin1(code));
    m_site->setCurrentIndex(std::max(0, m_site->findData(qs(m_immunization.site))));
    m_route = FormRows::combo(QStringLiteral("immunizationRoute"));
    const std::pair<const char*, QString> routes[] = {
        {"", tr("—")},          {"im", tr("Intramuscular")}, {"sc", tr("Subcutaneous")}, {"id", tr("Intradermal")},
        {"po", tr("By mouth")}, {"in", tr("Intranasal")},    {"other", tr("Other")}};
    for (const auto& [code, word] : routes)
        m_route->addItem(word, QString::fromLatin1(code));
    m_route->setCurrentIndex(std::max(0, m_route->findData(qs(m_immunization.route))));
    if (m_immunization.id.empty())
        addRow(tr("&Find"), m_search, {});
    else
        m_search->hide();
    addRow(tr("&CVX code"), m_cvx, QStringLiteral("cvx_code"));
    addRow(tr("&Vaccine"), m_vaccine, QStringLiteral("vaccine"));
    addRow(tr("&Given on"), m_date, QStringLiteral("administered_on"));
    addRow(tr("&Lot"), m_lot, QStringLiteral("lot_number"));
    addRow(tr("&Site"), m_site, QStringLiteral("site"));
    addRow(tr("&Route"), m_route, QStringLiteral("route"));
    finishLayout();
}

core::Status ImmunizationDialog::store(core::Session& session)
{
    core::Immunization i = m_immunization;
    i.cvxCode = ss(m_cvx->text());
    i.vaccine = ss(m_vaccine->text());
    i.administeredOn = dateText(m_date).value_or("");
    i.lotNumber = optionalText(m_lot->text());
    i.site = optionalText(m_site->currentData().toString());
    i.route = optionalText(m_route->currentData().toString());
    auto saved = core::ClinicalListStore(session).saveImmunization(i);
    if (!saved)
        return std::unexpected(saved.error());
    return {};
}

} // namespace practica::app
