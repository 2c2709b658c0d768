// SPDX-License-Identifier: GPL-3.0-or-later
#include "importwizard.h"

#include "importrunpages.h"
#include "importsourcepages.h"
#include "io/importsteps.h"
#include "io/normalise.h"
#include "io/rownormaliser.h"

#include <QCheckBox>

namespace placard {

namespace {
constexpr int kPreviewRecords = 200;
}

ImportWizard::ImportWizard(Catalogue *catalogue, const QString &path, QWidget *parent)
    : QWizard(parent)
    , m_catalogue(catalogue)
{
    setWindowTitle(tr("Import Events"));
    setObjectName(QStringLiteral("importWizard"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setPage(SourcePage, new ImportSourcePage(this));
    setPage(PreviewPage, new ImportPreviewPage(this));
    setPage(ColumnsPage, new ImportColumnsPage(this));
    setPage(ReviewPage, new ImportReviewPage(this));
    setPage(ImportPage, new ImportRunPage(this));
    setPage(ReportPage, new ImportReportPage(this));
    resize(900, 640);
    if (!path.isEmpty())
        setPath(path);
}

ImportWizard::~ImportWizard() = default;

QString ImportWizard::path() const
{
    return m_path;
}

io::ImportOptions ImportWizard::options() const
{
    io::ImportOptions o = m_options;
    if (!m_mapping.columns.isEmpty())
        o.mapping = m_mapping;
    return o;
}

void ImportWizard::setPath(const QString &path)
{
    if (path == m_path)
        return;
    m_path = path;
    m_options.layer.clear();
    m_options.places.clear();
    m_mappingEdited = false;
    reload();
}

void ImportWizard::setLayer(const QString &layer)
{
    if (layer == m_options.layer)
        return;
    m_options.layer = layer;
    m_mappingEdited = false;
    reload();
}

void ImportWizard::setDelimiter(QChar delimiter)
{
    if (delimiter == m_options.csv.delimiter)
        return;
    m_options.csv.delimiter = delimiter;
    m_mappingEdited = false; // other columns: detect again
    reload();
}

void ImportWizard::setEncoding(io::CsvOptions::Encoding encoding)
{
    if (encoding == m_options.csv.encoding)
        return;
    m_options.csv.encoding = encoding;
    reload();
}

void ImportWizard::setHeaderMode(io::CsvOptions::Header header)
{
    if (header == m_options.csv.header)
        return;
    m_options.csv.header = header;
    m_mappingEdited = false;
    reload();
}

void ImportWizard::setMapping(const io::Mapping &mapping)
{
    m_mapping = mapping;
    m_mappingEdited = true;
    m_review.reset();
    checkPreview();
    Q_EMIT mappingChanged();
}

void ImportWizard::setDuplicatePolicy(io::DuplicatePolicy policy)
{
    m_options.duplicates = policy;
}

void ImportWizard::choosePlace(const QString &text,
                               std::optional<io::ImportOptions::PlacePick> pick)
{
    if (pick)
        m_options.places.insert(text, *pick);
    else
        m_options.places.remove(text);
}

void ImportWizard::setReview(std::unique_ptr<io::ImportReview> review)
{
    m_review = std::move(review);
}

void ImportWizard::setReport(std::unique_ptr<io::ImportReport> report)
{
    m_report = std::move(report);
}

bool ImportWizard::showImported() const
{
    const auto *box = findChild<QCheckBox *>(QStringLiteral("showImported"));
    return box && box->isChecked();
}

void ImportWizard::reload()
{
    m_header.clear();
    m_records.clear();
    m_sourceError.clear();
    m_review.reset();
    if (!m_path.isEmpty()) {
        // A small read on the GUI thread: the first records only, whatever the file's size.
        std::unique_ptr<io::RecordSource> source =
            io::openRecordSource(m_path, m_options, &m_sourceError);
        if (source) {
            m_header = source->header();
            io::SourceRecord record;
            while (m_records.size() < kPreviewRecords && source->read(record))
                m_records << record.fields;
            if (m_records.size() < kPreviewRecords && !source->errorString().isEmpty())
                m_sourceError = source->errorString();
            if (!m_mappingEdited) {
                m_mapping = source->autoMapping(m_options.preset, m_records.value(0));
                io::decideCommaLists(m_mapping, m_records);
            }
            m_format = source->format();
            m_encoding = source->encoding();
            m_delimiterRead = source->delimiter();
        }
    }
    checkPreview();
    Q_EMIT sourceChanged();
    Q_EMIT mappingChanged();
}

void ImportWizard::checkPreview()
{
    m_previewProblems.clear();
    if (m_mapping.columns.isEmpty())
        return;
    // The day/month order as the importer decides it, from the date columns' values.
    QList<QString> dates;
    for (const int c : m_mapping.columnsFor(io::Field::Date)) {
        for (const QStringList &r : m_records)
            dates << r.value(c);
    }
    // And the coordinates' order too.
    const io::RowNormaliser probe(m_mapping, io::DayMonthOrder::Unknown);
    const io::RowNormaliser normaliser(m_mapping, io::detectDayMonthOrder(dates),
                                       io::detectCoordinateOrder(probe, m_records));
    for (int r = 0; r < m_records.size(); ++r) {
        for (const ImportProblem &p : normaliser.normalise(m_records[r], r + 1).problems)
            m_previewProblems.append({r, p});
    }
}

} // namespace placard
