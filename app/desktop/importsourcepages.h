// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;
class QTableWidgetItem;

namespace placard {

class ImportWizard;

/// The file to import and, for a GIS file with several, the layer.
class ImportSourcePage : public QWizardPage {
    Q_OBJECT

public:
    explicit ImportSourcePage(ImportWizard *wizard);
    bool isComplete() const override;

private:
    void fillLayers();

    ImportWizard *m_wizard;
    QLineEdit *m_path;
    QComboBox *m_layers;
    QLabel *m_layersLabel;
    QLabel *m_status;
};

/// The first records as they will be read, with the delimiter and header choice.
class ImportPreviewPage : public QWizardPage {
    Q_OBJECT

public:
    explicit ImportPreviewPage(ImportWizard *wizard);
    bool isComplete() const override;

private:
    void refresh();

    ImportWizard *m_wizard;
    QComboBox *m_encoding;
    QComboBox *m_delimiter;
    QComboBox *m_header;
    QLabel *m_detected;
    QTableWidget *m_table;
};

/// Each column's target field with sample values; save and load a mapping.
class ImportColumnsPage : public QWizardPage {
    Q_OBJECT

public:
    explicit ImportColumnsPage(ImportWizard *wizard);

private:
    void refresh();
    QTableWidgetItem *problemsItem(int column) const;

    ImportWizard *m_wizard;
    QLabel *m_preset;
    QCheckBox *m_commaLists;
    QTableWidget *m_table;
    bool m_editing = false; ///< a combo box of the table is changing the mapping
};

} // namespace placard
