// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/importer.h"
#include "io/importreview.h"

#include <QWizard>

#include <atomic>
#include <memory>

namespace placard {

class Catalogue;

/// File ▸ Import: a wizard that shows what will happen to every row before anything is
/// written. Source (file, layer) → Preview (delimiter, header) → Columns (preset, field per
/// column, save/load a mapping) → Review (skipped rows, unplaced places with the geocoder's
/// candidates, possible duplicates and the policy for them) → Import (progress, Cancel) →
/// Report. Reading and importing run off the GUI thread; the import writes through a
/// connection of its own and leaves the catalogue as it was when cancelled.
class ImportWizard : public QWizard {
    Q_OBJECT

public:
    enum Page { SourcePage, PreviewPage, ColumnsPage, ReviewPage, ImportPage, ReportPage };

    ImportWizard(Catalogue *catalogue, const QString &path = {}, QWidget *parent = nullptr);
    ~ImportWizard() override;

    Catalogue *catalogue() const { return m_catalogue; }
    /// The file and the options as the pages have set them.
    QString path() const;
    io::ImportOptions options() const;
    /// The source's first records as the importer reads them (at most 200), after reload().
    const QStringList &header() const { return m_header; }
    const QList<QStringList> &records() const { return m_records; }
    QString sourceError() const { return m_sourceError; }
    /// What the reading found: the format, the text encoding and the delimiter.
    QString format() const { return m_format; }
    QString encoding() const { return m_encoding; }
    QChar delimiterRead() const { return m_delimiterRead; }
    /// Reads the header and first records again with the current options.
    void reload();

    /// What the mapping makes of the previewed records: problems by record (0-based) and
    /// column (1-based, 0 for the whole row), as the import would note them.
    const QList<std::pair<int, ImportProblem>> &previewProblems() const
    {
        return m_previewProblems;
    }

    /// The column mapping in use (detected, or as edited on the Columns page).
    const io::Mapping &mapping() const { return m_mapping; }
    void setMapping(const io::Mapping &mapping);
    void setDelimiter(QChar delimiter);
    void setEncoding(io::CsvOptions::Encoding encoding);
    void setHeaderMode(io::CsvOptions::Header header);
    void setLayer(const QString &layer);
    void setPath(const QString &path);
    void setDuplicatePolicy(io::DuplicatePolicy policy);
    /// Places the rows of an unplaced place text at a point, or forgets the choice.
    void choosePlace(const QString &text, std::optional<io::ImportOptions::PlacePick> pick);

    /// The review of the file with the current options, once it has run.
    const io::ImportReview *review() const { return m_review.get(); }
    void setReview(std::unique_ptr<io::ImportReview> review);
    /// The import's outcome, once it has run.
    const io::ImportReport *report() const { return m_report.get(); }
    void setReport(std::unique_ptr<io::ImportReport> report);
    /// Whether "Show these events" is ticked on the report page.
    bool showImported() const;

Q_SIGNALS:
    void sourceChanged();
    void mappingChanged();

private:
    void checkPreview();

    Catalogue *m_catalogue;
    QString m_path;
    io::ImportOptions m_options;
    QStringList m_header;
    QList<QStringList> m_records;
    QString m_sourceError;
    QString m_format;
    QString m_encoding;
    QChar m_delimiterRead;
    io::Mapping m_mapping;
    bool m_mappingEdited = false;
    QList<std::pair<int, ImportProblem>> m_previewProblems;
    std::unique_ptr<io::ImportReview> m_review;
    std::unique_ptr<io::ImportReport> m_report;
};

} // namespace placard
