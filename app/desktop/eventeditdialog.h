// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/event.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace placard {

/// Edits the fields of one event a person can correct: title, type, dates, status, place,
/// coordinates, crowd size, tags, claims and notes. OK stays disabled while the entries
/// contradict each other, and a line says why.
class EventEditDialog : public QDialog {
    Q_OBJECT

public:
    EventEditDialog(const Event &event, const QStringList &types, QWidget *parent = nullptr);

    /// The event as edited (fields the dialog does not show are kept).
    Event event() const;
    /// Why the entries cannot be saved, or empty.
    QString problem() const;

private:
    void validate();

    Event m_original;
    QLineEdit *m_title;
    QComboBox *m_type;
    QDateEdit *m_start;
    QDateEdit *m_end;
    QComboBox *m_precision;
    QComboBox *m_status;
    QLineEdit *m_place;
    QLineEdit *m_locality;
    QLineEdit *m_admin1;
    QLineEdit *m_country;
    QLineEdit *m_latitude;
    QLineEdit *m_longitude;
    QLineEdit *m_sizeLow;
    QLineEdit *m_sizeHigh;
    QLineEdit *m_sizeText;
    QLineEdit *m_issues;
    QLineEdit *m_actors;
    QLineEdit *m_participants;
    QPlainTextEdit *m_claims;
    QPlainTextEdit *m_notes;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace placard
