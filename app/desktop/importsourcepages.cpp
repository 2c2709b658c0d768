// SPDX-License-Identifier: GPL-3.0-or-later
#include "importsourcepages.h"

#include "importwizard.h"
#include "io/field.h"
#include "io/vectorsource.h"

#include <QCheckBox>
#include <QColor>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

namespace placard {

namespace {

QString delimiterName(QChar c)
{
    if (c == QLatin1Char(','))
        return ImportPreviewPage::tr("comma");
    if (c == QLatin1Char(';'))
        return ImportPreviewPage::tr("semicolon");
    if (c == QLatin1Char('\t'))
        return ImportPreviewPage::tr("tab");
    if (c == QLatin1Char('|'))
        return ImportPreviewPage::tr("vertical bar");
    return QStringLiteral("“%1”").arg(c);
}

} // namespace

ImportSourcePage::ImportSourcePage(ImportWizard *wizard)
    : m_wizard(wizard)
    , m_path(new QLineEdit(this))
    , m_layers(new QComboBox(this))
    , m_layersLabel(new QLabel(tr("&Layer:"), this))
    , m_status(new QLabel(this))
{
    setTitle(tr("Choose the file to import"));
    setSubTitle(tr("CSV, TSV or text event lists, or any GIS file GDAL reads: GeoPackage, "
                   "GeoJSON, KML/KMZ, Shapefile, FlatGeobuf, GPX."));
    m_path->setObjectName(QStringLiteral("path"));
    m_layers->setObjectName(QStringLiteral("layers"));
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("sourceStatus"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    auto *row = new QHBoxLayout;
    row->addWidget(m_path, 1);
    row->addWidget(browse);
    auto *form = new QFormLayout(this);
    form->addRow(tr("&File:"), row);
    m_layersLabel->setBuddy(m_layers);
    form->addRow(m_layersLabel, m_layers);
    form->addRow(m_status);
    m_path->setText(wizard->path());
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("Import Events"),
            QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
            tr("Event lists (*.csv *.tsv *.txt *.gpkg *.geojson *.json *.kml *.kmz *.shp *.fgb "
               "*.gpx);;All files (*)"));
        if (!file.isEmpty())
            m_path->setText(file);
    });
    connect(m_path, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_wizard->setPath(text.trimmed());
        fillLayers();
        Q_EMIT completeChanged();
    });
    connect(m_layers, &QComboBox::currentIndexChanged, this, [this] {
        m_wizard->setLayer(m_layers->currentData().toString());
        Q_EMIT completeChanged();
    });
    connect(m_wizard, &ImportWizard::sourceChanged, this, [this] {
        m_status->setText(m_wizard->sourceError().isEmpty() ? tr("%n record(s) previewed.", nullptr,
                                                                 int(m_wizard->records().size()))
                                                            : m_wizard->sourceError());
        Q_EMIT completeChanged();
    });
    fillLayers();
}

void ImportSourcePage::fillLayers()
{
    const QSignalBlocker block(m_layers);
    m_layers->clear();
    const QString path = m_wizard->path();
    const bool vector = !path.isEmpty() && QFileInfo(path).isFile() && !io::isCsvPath(path);
    QList<io::VectorLayerInfo> layers;
    if (vector) {
        QString error;
        layers = io::listVectorLayers(path, &error).value_or(QList<io::VectorLayerInfo>{});
    }
    for (const io::VectorLayerInfo &layer : layers) {
        const QString count = layer.featureCount >= 0
            ? tr("%n feature(s)", nullptr, int(layer.featureCount))
            : tr("features not counted");
        m_layers->addItem(QStringLiteral("%1 — %2, %3").arg(layer.name, layer.geometryType, count),
                          layer.name);
    }
    m_layers->setVisible(layers.size() > 1);
    m_layersLabel->setVisible(layers.size() > 1);
    if (layers.size() > 1) {
        // The first layer holding features.
        for (int i = 0; i < layers.size(); ++i) {
            if (layers[i].featureCount != 0) {
                m_layers->setCurrentIndex(i);
                break;
            }
        }
        m_wizard->setLayer(m_layers->currentData().toString());
    }
}

bool ImportSourcePage::isComplete() const
{
    return !m_wizard->path().isEmpty() && m_wizard->sourceError().isEmpty() &&
        !m_wizard->header().isEmpty();
}

ImportPreviewPage::ImportPreviewPage(ImportWizard *wizard)
    : m_wizard(wizard)
    , m_encoding(new QComboBox(this))
    , m_delimiter(new QComboBox(this))
    , m_header(new QComboBox(this))
    , m_detected(new QLabel(this))
    , m_table(new QTableWidget(this))
{
    setTitle(tr("Preview"));
    setSubTitle(tr("The first records as Placard reads them. Change the delimiter or the header "
                   "if they look wrong."));
    m_delimiter->setObjectName(QStringLiteral("delimiter"));
    m_header->setObjectName(QStringLiteral("headerMode"));
    m_table->setObjectName(QStringLiteral("previewTable"));
    m_detected->setObjectName(QStringLiteral("detected"));
    m_encoding->setObjectName(QStringLiteral("encoding"));
    m_encoding->addItem(tr("Detect"), int(io::CsvOptions::Encoding::Auto));
    m_encoding->addItem(QStringLiteral("UTF-8"), int(io::CsvOptions::Encoding::Utf8));
    m_encoding->addItem(QStringLiteral("Windows-1252"), int(io::CsvOptions::Encoding::Windows1252));
    m_delimiter->addItem(tr("Detect"), QChar());
    for (const QChar c : {QLatin1Char(','), QLatin1Char(';'), QLatin1Char('\t'), QLatin1Char('|')})
        m_delimiter->addItem(delimiterName(c), c);
    m_header->addItem(tr("Detect"), int(io::CsvOptions::Header::Auto));
    m_header->addItem(tr("First row names the columns"), int(io::CsvOptions::Header::Yes));
    m_header->addItem(tr("No header row"), int(io::CsvOptions::Header::No));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->setWordWrap(false);
    auto *row = new QHBoxLayout;
    auto *encodingLabel = new QLabel(tr("&Encoding:"), this);
    encodingLabel->setBuddy(m_encoding);
    row->addWidget(encodingLabel);
    row->addWidget(m_encoding);
    row->addSpacing(12);
    auto *delimiterLabel = new QLabel(tr("&Delimiter:"), this);
    delimiterLabel->setBuddy(m_delimiter);
    auto *headerLabel = new QLabel(tr("&Header:"), this);
    headerLabel->setBuddy(m_header);
    row->addWidget(delimiterLabel);
    row->addWidget(m_delimiter);
    row->addSpacing(12);
    row->addWidget(headerLabel);
    row->addWidget(m_header);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_detected);
    layout->addWidget(m_table, 1);
    connect(m_encoding, &QComboBox::currentIndexChanged, this, [this] {
        m_wizard->setEncoding(io::CsvOptions::Encoding(m_encoding->currentData().toInt()));
    });
    connect(m_delimiter, &QComboBox::currentIndexChanged, this,
            [this] { m_wizard->setDelimiter(m_delimiter->currentData().toChar()); });
    connect(m_header, &QComboBox::currentIndexChanged, this, [this] {
        m_wizard->setHeaderMode(io::CsvOptions::Header(m_header->currentData().toInt()));
    });
    connect(m_wizard, &ImportWizard::sourceChanged, this, &ImportPreviewPage::refresh);
    connect(m_wizard, &ImportWizard::mappingChanged, this, &ImportPreviewPage::refresh);
    refresh();
}

void ImportPreviewPage::refresh()
{
    const bool csv = io::isCsvPath(m_wizard->path());
    m_encoding->setEnabled(csv);
    m_delimiter->setEnabled(csv);
    m_header->setEnabled(csv);
    QStringList facts{tr("Format: %1").arg(m_wizard->format())};
    if (!m_wizard->encoding().isEmpty())
        facts << tr("encoding: %1").arg(m_wizard->encoding());
    if (!m_wizard->delimiterRead().isNull())
        facts << tr("delimiter: %1").arg(delimiterName(m_wizard->delimiterRead()));
    facts << (m_wizard->header().isEmpty() ? tr("no header row") : tr("header row"));
    m_detected->setText(m_wizard->sourceError().isEmpty() ? facts.join(QStringLiteral(" · "))
                                                          : m_wizard->sourceError());
    const QList<QStringList> &records = m_wizard->records();
    int columns = int(m_wizard->header().size());
    for (const QStringList &r : records)
        columns = std::max(columns, int(r.size()));
    m_table->clear();
    m_table->setColumnCount(columns);
    m_table->setRowCount(int(records.size()));
    QStringList labels = m_wizard->header();
    for (int c = int(labels.size()); c < columns; ++c)
        labels << tr("Column %1").arg(c + 1);
    m_table->setHorizontalHeaderLabels(labels);
    for (int r = 0; r < records.size(); ++r) {
        for (int c = 0; c < records[r].size(); ++c)
            m_table->setItem(r, c, new QTableWidgetItem(records[r][c]));
    }
    // Cells the import could not read, in red with the reason; rows it would skip, named.
    for (const auto &[r, problem] : m_wizard->previewProblems()) {
        if (problem.column > 0) {
            if (QTableWidgetItem *item = m_table->item(r, problem.column - 1)) {
                item->setBackground(QColor(0xf8, 0xd7, 0xd3));
                item->setToolTip(problem.message);
            }
        }
        if (problem.skipped) {
            auto *header = new QTableWidgetItem(QString::number(r + 1));
            header->setForeground(QColor(0xb0, 0x30, 0x20));
            header->setToolTip(tr("Skipped: %1").arg(problem.message));
            m_table->setVerticalHeaderItem(r, header);
        }
    }
    m_table->resizeColumnsToContents();
    for (int c = 0; c < columns; ++c)
        m_table->setColumnWidth(c, std::min(m_table->columnWidth(c), 260));
    Q_EMIT completeChanged();
}

bool ImportPreviewPage::isComplete() const
{
    return m_wizard->sourceError().isEmpty() && !m_wizard->records().isEmpty();
}

ImportColumnsPage::ImportColumnsPage(ImportWizard *wizard)
    : m_wizard(wizard)
    , m_preset(new QLabel(this))
    , m_commaLists(new QCheckBox(tr("Commas separate values in list columns"), this))
    , m_table(new QTableWidget(this))
{
    setTitle(tr("Columns"));
    m_commaLists->setObjectName(QStringLiteral("commaLists"));
    m_commaLists->setToolTip(tr("Organisers, participants, issues, tags and types are split at "
                                "';' and '|'; tick this when the file separates them with "
                                "commas (\"climate, youth\")."));
    connect(m_commaLists, &QCheckBox::toggled, this, [this](bool on) {
        io::Mapping m = m_wizard->mapping();
        if (m.splitOnComma == on)
            return;
        m.splitOnComma = on;
        m_wizard->setMapping(m);
    });
    setSubTitle(tr("What each column holds. Placard recognised what it could; change any "
                   "column's field, or ignore it."));
    m_table->setObjectName(QStringLiteral("columnsTable"));
    m_preset->setObjectName(QStringLiteral("preset"));
    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels(
        {tr("Column"), tr("Imported as"), tr("Sample values"), tr("Not understood")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *save = new QPushButton(tr("&Save Mapping…"), this);
    auto *load = new QPushButton(tr("&Load Mapping…"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_preset);
    buttons->addSpacing(16);
    buttons->addWidget(m_commaLists);
    buttons->addStretch(1);
    buttons->addWidget(load);
    buttons->addWidget(save);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    connect(save, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Save Mapping"), QString(),
                                                          tr("Column mappings (*.json)"));
        QString error;
        if (!file.isEmpty() && !m_wizard->mapping().save(file, &error))
            QMessageBox::warning(this, tr("Save Mapping"), error);
    });
    connect(load, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Load Mapping"), QString(),
                                                          tr("Column mappings (*.json)"));
        if (file.isEmpty())
            return;
        QString error;
        if (const std::optional<io::Mapping> m = io::Mapping::load(file, &error))
            m_wizard->setMapping(*m);
        else
            QMessageBox::warning(this, tr("Load Mapping"), error);
    });
    connect(m_wizard, &ImportWizard::mappingChanged, this, &ImportColumnsPage::refresh);
    refresh();
}

QTableWidgetItem *ImportColumnsPage::problemsItem(int column) const
{
    // How many previewed values of this column the import could not read, and the first
    // reason.
    int count = 0;
    QString first;
    for (const auto &[r, problem] : m_wizard->previewProblems()) {
        if (problem.column == column + 1) {
            if (count++ == 0)
                first = QStringLiteral("“%1”: %2").arg(problem.value, problem.message);
        }
    }
    auto *item = new QTableWidgetItem(
        count == 0 ? QString()
                   : tr("%1 of %2 — %3").arg(count).arg(m_wizard->records().size()).arg(first));
    if (count > 0) {
        item->setForeground(QColor(0xb0, 0x30, 0x20));
        item->setToolTip(first);
    }
    return item;
}

void ImportColumnsPage::refresh()
{
    const io::Mapping &mapping = m_wizard->mapping();
    m_preset->setText(tr("Recognised layout: %1").arg(io::presetName(mapping.preset)));
    {
        const QSignalBlocker block(m_commaLists);
        m_commaLists->setChecked(mapping.splitOnComma);
    }
    if (m_editing) {
        for (int row = 0; row < mapping.columns.size() && row < m_table->rowCount(); ++row) {
            if (auto *field = qobject_cast<QComboBox *>(m_table->cellWidget(row, 1))) {
                const QSignalBlocker block(field);
                field->setCurrentIndex(int(mapping.columns[row].field));
            }
            m_table->setItem(row, 3, problemsItem(mapping.columns[row].column));
        }
        return;
    }
    m_table->setRowCount(int(mapping.columns.size()));
    const QList<QStringList> &records = m_wizard->records();
    for (int row = 0; row < mapping.columns.size(); ++row) {
        const io::ColumnRule &rule = mapping.columns[row];
        m_table->setItem(row, 0,
                         new QTableWidgetItem(rule.header.isEmpty()
                                                  ? tr("Column %1").arg(rule.column + 1)
                                                  : rule.header));
        auto *field = new QComboBox(m_table);
        field->setObjectName(QStringLiteral("field%1").arg(row));
        for (int f = 0; f < io::kFieldCount; ++f)
            field->addItem(f == 0 ? tr("(ignore)") : io::fieldName(io::Field(f)), f);
        field->setCurrentIndex(int(rule.field));
        connect(field, &QComboBox::currentIndexChanged, this, [this, row](int f) {
            io::Mapping m = m_wizard->mapping();
            if (row >= m.columns.size())
                return;
            // A field that takes one column leaves any other column that had it.
            if (!io::fieldAllowsSeveralColumns(io::Field(f)) && f != 0) {
                for (io::ColumnRule &other : m.columns) {
                    if (other.field == io::Field(f))
                        other.field = io::Field::Ignore;
                }
            }
            m.columns[row].field = io::Field(f);
            m_editing = true; // this combo box stays; refresh() only updates the others
            m_wizard->setMapping(m);
            m_editing = false;
        });
        m_table->setCellWidget(row, 1, field);
        QStringList samples;
        for (const QStringList &r : records) {
            const QString v = r.value(rule.column).simplified();
            if (!v.isEmpty() && !samples.contains(v))
                samples << v;
            if (samples.size() == 3)
                break;
        }
        m_table->setItem(row, 2, new QTableWidgetItem(samples.join(QStringLiteral("  ·  "))));
        m_table->setItem(row, 3, problemsItem(rule.column));
    }
    m_table->resizeColumnToContents(0);
    m_table->setColumnWidth(0, std::min(m_table->columnWidth(0), 220));
    m_table->setColumnWidth(1, 170);
    m_table->setColumnWidth(2, 300);
}

} // namespace placard
