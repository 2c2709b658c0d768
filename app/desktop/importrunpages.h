// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/event.h"
#include "geo/geocoder.h"

#include <QWizardPage>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace placard {

class ImportWizard;

/// What the import will do, found by reading the whole file without writing: rows to be
/// skipped, places not found (choose a candidate), possible duplicates (choose a policy).
class ImportReviewPage : public QWizardPage {
    Q_OBJECT

public:
    explicit ImportReviewPage(ImportWizard *wizard);
    ~ImportReviewPage() override;
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    /// Looks a place up by another name for the unplaced place in `row` of the table and
    /// offers what the gazetteer finds, choosing the best; false when nothing is found.
    bool searchPlace(int row, const QString &text);
    /// Places the rows of the unplaced place in `row` at a point picked on a map.
    void pickPoint(int row, double latitude, double longitude);

private:
    void show();
    void offer(int row, const QList<geo::GeocodeCandidate> &candidates);

    ImportWizard *m_wizard;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QLabel *m_summary;
    QComboBox *m_policy;
    QTabWidget *m_tabs;
    QTableWidget *m_skipped;
    QTableWidget *m_unplaced;
    QTableWidget *m_duplicates;
    QTableWidget *m_problems;
    std::shared_ptr<std::atomic_bool> m_cancelFlag;
    bool m_running = false;
    std::shared_ptr<const geo::Geocoder> m_geocoder; ///< for places looked up by hand
};

/// The import itself: progress with records per second, and Cancel.
class ImportRunPage : public QWizardPage {
    Q_OBJECT

public:
    explicit ImportRunPage(ImportWizard *wizard);
    ~ImportRunPage() override;
    void initializePage() override;
    bool isComplete() const override;

private:
    ImportWizard *m_wizard;
    QProgressBar *m_progress;
    QLabel *m_rate;
    QPushButton *m_cancel;
    std::shared_ptr<std::atomic_bool> m_cancelFlag;
    bool m_done = false;
};

/// What the import did: counts, the problems (exportable as CSV), and "Show these events".
class ImportReportPage : public QWizardPage {
    Q_OBJECT

public:
    explicit ImportReportPage(ImportWizard *wizard);
    void initializePage() override;

private:
    ImportWizard *m_wizard;
    QLabel *m_summary;
    QTableWidget *m_problems;
};

} // namespace placard
