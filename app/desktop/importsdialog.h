// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/event.h"

#include <QDialog>
#include <QList>

class QLabel;
class QPushButton;
class QTableWidget;

namespace placard {

class Catalogue;

/// File ▸ Imports: the catalogue's imports, one dataset each, with what each brought in and
/// the problems it recorded, so that a list can be checked long after its import. The one
/// selected can be shown on its own on the map or removed; the window does either once the
/// dialog has closed (see choice()).
class ImportsDialog : public QDialog {
    Q_OBJECT

public:
    enum class Choice { None, Show, Remove };

    explicit ImportsDialog(const Catalogue *catalogue, QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }
    /// The import chosen (its dataset id), 0 when none.
    qint64 chosenDataset() const;
    /// The file name of the import chosen.
    QString chosenFile() const;
    /// How many events the import chosen still holds.
    qint64 chosenEvents() const;

private:
    void showSelected();
    void choose(Choice choice);
    void exportProblems();
    const Dataset *selected() const;

    const Catalogue *m_catalogue;
    QList<Dataset> m_datasets;
    QList<qint64> m_events; ///< per row of m_datasets
    QList<qint64> m_problemCounts; ///< per row of m_datasets
    QTableWidget *m_imports;
    QLabel *m_problemsLabel;
    QTableWidget *m_problems;
    QPushButton *m_export;
    QPushButton *m_show;
    QPushButton *m_remove;
    Choice m_choice = Choice::None;
};

} // namespace placard
