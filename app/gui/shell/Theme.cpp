#include "Theme.h"

#include <QApplication>
#include <QColor>
#include <QFont>
#include <QPalette>
#include <QStyleFactory>

namespace practica::app {

namespace {

// Colours named by what they are for; the stylesheet below uses the same values.
constexpr QRgb kWindow = 0xf4f6f9;
constexpr QRgb kBase = 0xffffff;
constexpr QRgb kAlternate = 0xf8fafc;
constexpr QRgb kText = 0x1f2937;
constexpr QRgb kMuted = 0x64748b;
constexpr QRgb kAccent = 0x0f766e;
constexpr QRgb kBorder = 0xcbd5e1;

const char* const kStyleSheet = R"(
QWidget#sidebar { background: #12293b; }
QLabel#sidebarTitle { color: #ffffff; font-size: 13pt; font-weight: 600; }
QLabel#sidebarClinic, QLabel#sidebarUser { color: #9fb3c8; }
QListWidget#navigation { background: transparent; border: none; color: #dbe4ee; outline: 0; }
QListWidget#navigation::item { padding: 9px 12px; border-left: 3px solid transparent; }
QListWidget#navigation::item:hover { background: #1b3a52; }
QListWidget#navigation::item:selected { background: #1f4a66; color: #ffffff; border-left: 3px solid #2dd4bf; }
QPushButton#sidebarLockButton { background: transparent; color: #dbe4ee; border: 1px solid #35536b; }
QPushButton#sidebarLockButton:hover, QPushButton#sidebarLockButton:focus { background: #1b3a52; border-color: #2dd4bf; }

QLabel[role="pageTitle"] { font-size: 15pt; font-weight: 600; color: #0f172a; }
QLabel[role="subtle"] { color: #64748b; }
QLabel[role="fieldMessage"] { color: #b91c1c; font-size: 8.5pt; }
QLabel[role="banner"] { background: #fef2f2; color: #991b1b; border: 1px solid #fecaca; border-radius: 4px; padding: 6px 8px; }
QLabel[role="info"] { background: #ecfdf5; color: #065f46; border: 1px solid #a7f3d0; border-radius: 4px; padding: 6px 8px; }
QLabel[role="badge"] { background: #e2e8f0; color: #334155; border-radius: 8px; padding: 1px 8px; }

QGroupBox { background: #ffffff; border: 1px solid #e2e8f0; border-radius: 6px; margin-top: 14px; padding: 12px 10px 8px 10px; font-weight: 600; }
QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; color: #0f766e; }
QGroupBox QLabel, QGroupBox QLineEdit, QGroupBox QComboBox { font-weight: normal; }

QLineEdit, QComboBox, QDateEdit, QSpinBox { border: 1px solid #cbd5e1; border-radius: 4px; padding: 4px 6px; background: #ffffff; min-height: 20px; }
QLineEdit:focus, QComboBox:focus, QDateEdit:focus { border: 1px solid #0f766e; }
QLineEdit:disabled, QComboBox:disabled { background: #f1f5f9; color: #64748b; }
QLineEdit:read-only { background: #f8fafc; }
QComboBox::drop-down { border: none; width: 22px; }
QComboBox::down-arrow { image: url(:/icons/chevron-down.svg); width: 12px; height: 12px; }
QComboBox QAbstractItemView { border: 1px solid #cbd5e1; selection-background-color: #ccebe7; selection-color: #0f172a; }
QLineEdit[invalid="true"], QComboBox[invalid="true"], QLineEdit[invalid="true"]:focus, QComboBox[invalid="true"]:focus { border: 1px solid #dc2626; background: #fff7f7; }
QScrollBar:vertical { background: transparent; width: 10px; margin: 2px; }
QScrollBar::handle:vertical { background: #cbd5e1; border-radius: 3px; min-height: 32px; }
QScrollBar::handle:vertical:hover { background: #94a3b8; }
QScrollBar:horizontal { background: transparent; height: 10px; margin: 2px; }
QScrollBar::handle:horizontal { background: #cbd5e1; border-radius: 3px; min-width: 32px; }
QScrollBar::add-line, QScrollBar::sub-line { width: 0; height: 0; }
QScrollBar::add-page, QScrollBar::sub-page { background: transparent; }

QPushButton { border: 1px solid #cbd5e1; border-radius: 4px; padding: 5px 14px; background: #ffffff; color: #1f2937; min-height: 20px; }
QPushButton:hover { background: #f1f5f9; }
QPushButton:focus { border: 1px solid #0f766e; }
QPushButton:disabled { color: #94a3b8; background: #f8fafc; }
QPushButton[role="primary"] { background: #0f766e; color: #ffffff; border: 1px solid #0b5f58; }
QPushButton[role="primary"]:hover { background: #0d6b63; }
QPushButton[role="primary"]:focus { border: 2px solid #134e4a; }
QPushButton[role="primary"]:disabled { background: #94c9c3; border-color: #94c9c3; }

QTableView { background: #ffffff; alternate-background-color: #f8fafc; border: 1px solid #e2e8f0; border-radius: 4px; gridline-color: #eef2f6; selection-background-color: #ccebe7; selection-color: #0f172a; }
QHeaderView::section { background: #f1f5f9; color: #475569; border: none; border-bottom: 1px solid #e2e8f0; padding: 6px 8px; font-weight: 600; }
QTabWidget::pane { border: 1px solid #e2e8f0; border-radius: 4px; background: #ffffff; top: -1px; }
QTabBar::tab { padding: 7px 16px; border: 1px solid transparent; color: #475569; }
QTabBar::tab:selected { color: #0f766e; border-bottom: 2px solid #0f766e; font-weight: 600; }
QWidget#patientHeader { background: #ffffff; border: 1px solid #e2e8f0; border-radius: 6px; }
QWidget#lockCard, QWidget#loginCard { background: #ffffff; border: 1px solid #e2e8f0; border-radius: 8px; }
QScrollArea { border: none; background: transparent; }
QScrollArea > QWidget > QWidget { background: transparent; }
QStatusBar { background: #e9eef3; color: #334155; }
QStatusBar QLabel { padding: 0 8px; }
QLabel#syncDot { padding: 0; border-radius: 5px; background: transparent; border: 1px solid #94a3b8; }
QLabel#syncDot[state="online"] { background: #16a34a; border-color: #15803d; }
QLabel#syncDot[state="busy"] { background: #0ea5e9; border-color: #0284c7; }
QLabel#syncDot[state="offline"] { background: transparent; border: 2px solid #64748b; }
QLabel#syncDot[state="problem"] { background: #dc2626; border-color: #b91c1c; }
QLabel#syncStatusText { padding: 0 2px; }
QLabel#syncStatusText[problem="true"] { color: #991b1b; }
QPushButton[role="link"] { border: none; background: transparent; color: #0f766e; padding: 0 4px; min-height: 0; text-decoration: underline; }
QPushButton[role="link"]:hover { color: #134e4a; }
QPushButton#syncConflictsButton { background: #fef3c7; color: #92400e; border: 1px solid #fcd34d; border-radius: 9px; padding: 1px 10px; min-height: 0; font-weight: 600; }
QPushButton#syncConflictsButton:hover { background: #fde68a; }
QPushButton#syncParkedButton { background: #f1f5f9; color: #334155; border: 1px solid #cbd5e1; border-radius: 9px; padding: 1px 10px; min-height: 0; font-weight: 600; }
QPushButton#syncParkedButton:hover { background: #e2e8f0; }
QFrame#conflictCard { background: #ffffff; border: 1px solid #fde68a; border-left: 4px solid #f59e0b; border-radius: 6px; }
QLabel#conflictTitle { font-weight: 600; font-size: 11pt; color: #0f172a; }
QLabel#conflictStatus { color: #0f766e; }
)";

} // namespace

void Theme::apply(QApplication& app)
{
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p;
    p.setColor(QPalette::Window, QColor(kWindow));
    p.setColor(QPalette::WindowText, QColor(kText));
    p.setColor(QPalette::Base, QColor(kBase));
    p.setColor(QPalette::AlternateBase, QColor(kAlternate));
    p.setColor(QPalette::Text, QColor(kText));
    p.setColor(QPalette::Button, QColor(kBase));
    p.setColor(QPalette::ButtonText, QColor(kText));
    p.setColor(QPalette::Highlight, QColor(kAccent));
    p.setColor(QPalette::HighlightedText, QColor(0xffffff));
    p.setColor(QPalette::PlaceholderText, QColor(kMuted));
    p.setColor(QPalette::Mid, QColor(kBorder));
    p.setColor(QPalette::ToolTipBase, QColor(kText));
    p.setColor(QPalette::ToolTipText, QColor(0xffffff));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(kMuted));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(kMuted));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(kMuted));
    app.setPalette(p);
    QFont font = app.font();
    if (font.pointSizeF() < 10)
        font.setPointSizeF(10);
    app.setFont(font);
    app.setStyleSheet(QString::fromUtf8(kStyleSheet));
}

} // namespace practica::app
