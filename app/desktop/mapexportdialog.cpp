// SPDX-License-Identifier: GPL-3.0-or-later
#include "mapexportdialog.h"

#include "geo/basemapdata.h"
#include "geo/basemaprenderer.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace placard {

namespace {
// The preview fits in this box, whatever the page's shape.
constexpr int kPreviewWidth = 560;
constexpr int kPreviewHeight = 440;
} // namespace

MapExportDialog::MapExportDialog(std::shared_ptr<const MapPoints> points,
                                 const QHash<qint64, QString> &typeNames, const QRectF &view,
                                 const QString &caption, const QString &credit, QWidget *parent)
    : QDialog(parent)
    , m_points(std::move(points))
    , m_typeNames(typeNames)
    , m_view(view)
    , m_preset(new QComboBox(this))
    , m_width(new QSpinBox(this))
    , m_height(new QSpinBox(this))
    , m_dpi(new QSpinBox(this))
    , m_extent(new QComboBox(this))
    , m_title(new QLineEdit(this))
    , m_subtitle(new QLineEdit(this))
    , m_caption(new QLineEdit(caption, this))
    , m_credit(new QLineEdit(credit, this))
    , m_style(new QComboBox(this))
    , m_legend(new QCheckBox(tr("&Legend"), this))
    , m_scaleBar(new QCheckBox(tr("&Scale bar"), this))
    , m_previewLabel(new QLabel(this))
    , m_status(new QLabel(this))
    , m_pause(new QTimer(this))
{
    setWindowTitle(tr("Export Map"));
    setObjectName(QStringLiteral("mapExportDialog"));
    m_preset->addItem(tr("Social post (1200 × 675)"), int(render::ExportPreset::Social));
    m_preset->addItem(tr("Square (1080 × 1080)"), int(render::ExportPreset::Square));
    m_preset->addItem(tr("A4 landscape, 300 dpi"), int(render::ExportPreset::A4Landscape));
    m_preset->addItem(tr("Custom size"), -1);
    for (QSpinBox *side : {m_width, m_height}) {
        side->setRange(100, render::kMaxExportPixels);
        side->setSuffix(tr(" px"));
    }
    m_dpi->setRange(72, 1200);
    m_dpi->setSuffix(tr(" dpi"));
    m_extent->addItem(tr("The map's current view"));
    m_extent->addItem(tr("Fitted to the events"));
    m_style->addItem(tr("Light"));
    m_style->addItem(tr("Dark"));
    m_legend->setChecked(true);
    m_scaleBar->setChecked(true);
    m_title->setPlaceholderText(tr("Title"));
    m_subtitle->setPlaceholderText(tr("Subtitle"));
    m_title->setObjectName(QStringLiteral("title"));
    m_preset->setObjectName(QStringLiteral("preset"));
    m_extent->setObjectName(QStringLiteral("extent"));
    m_previewLabel->setObjectName(QStringLiteral("preview"));
    m_previewLabel->setMinimumSize(kPreviewWidth + 16, kPreviewHeight + 16);
    m_previewLabel->setAlignment(Qt::AlignCenter);
    m_previewLabel->setStyleSheet(QStringLiteral("background: #8a939b"));
    m_status->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Page:"), m_preset);
    auto *size = new QHBoxLayout;
    size->addWidget(m_width);
    size->addWidget(new QLabel(QStringLiteral("×"), this));
    size->addWidget(m_height);
    form->addRow(tr("Size:"), size);
    form->addRow(tr("&Resolution:"), m_dpi);
    form->addRow(tr("&Shows:"), m_extent);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("S&ubtitle:"), m_subtitle);
    form->addRow(tr("&Caption:"), m_caption);
    form->addRow(tr("C&redit:"), m_credit);
    form->addRow(tr("St&yle:"), m_style);
    auto *checks = new QHBoxLayout;
    checks->addWidget(m_legend);
    checks->addWidget(m_scaleBar);
    checks->addStretch(1);
    form->addRow(checks);
    form->addRow(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *exportButton = buttons->addButton(tr("&Export…"), QDialogButtonBox::AcceptRole);
    m_animate = buttons->addButton(tr("Export &Animation…"), QDialogButtonBox::ActionRole);
    m_animate->setEnabled(false);
    m_animate->setToolTip(tr("The timeline played into numbered PNG frames, each stamped with "
                             "its dates (and an MP4 video when ffmpeg is installed)"));
    connect(m_animate, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export Animation"),
            QStandardPaths::writableLocation(QStandardPaths::PicturesLocation),
            tr("PNG frames (*.png)"));
        if (path.isEmpty())
            return;
        QString video;
        if (render::canEncodeVideo() &&
            QMessageBox::question(this, tr("Export Animation"),
                                  tr("Also make an MP4 video of the frames?")) == QMessageBox::Yes)
            video = QFileInfo(path).dir().filePath(QFileInfo(path).completeBaseName() +
                                                   QStringLiteral(".mp4"));
        const QString error = exportAnimationTo(path, video);
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("Export Animation"), error);
        else
            accept();
    });
    auto *body = new QHBoxLayout;
    body->addLayout(form);
    body->addWidget(m_previewLabel, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(body, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export Map"),
            QStandardPaths::writableLocation(QStandardPaths::PicturesLocation),
            tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
        if (path.isEmpty())
            return;
        const QString error = exportTo(path);
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("Export Map"), error);
        else
            accept();
    });

    // Typing waits for a pause; every change redraws the preview.
    m_pause->setSingleShot(true);
    m_pause->setInterval(250);
    connect(m_pause, &QTimer::timeout, this, &MapExportDialog::updatePreview);
    const auto later = [this] {
        m_pause->start();
    };
    for (QLineEdit *e : {m_title, m_subtitle, m_caption, m_credit})
        connect(e, &QLineEdit::textChanged, this, later);
    for (QSpinBox *s : {m_width, m_height, m_dpi})
        connect(s, &QSpinBox::valueChanged, this, [this, later] {
            if (m_preset->currentData().toInt() >= 0 && !m_preset->signalsBlocked()) {
                const QSignalBlocker block(m_preset);
                m_preset->setCurrentIndex(m_preset->count() - 1); // now a custom size
            }
            later();
        });
    for (QComboBox *c : {m_extent, m_style})
        connect(c, &QComboBox::currentIndexChanged, this, later);
    for (QCheckBox *c : {m_legend, m_scaleBar})
        connect(c, &QCheckBox::toggled, this, later);
    connect(m_preset, &QComboBox::currentIndexChanged, this, &MapExportDialog::applyPreset);
    applyPreset();
    updatePreview();
    resize(sizeHint());
}

void MapExportDialog::applyPreset()
{
    const int preset = m_preset->currentData().toInt();
    if (preset < 0)
        return;
    render::MapExportSettings s;
    s.applyPreset(render::ExportPreset(preset));
    const QSignalBlocker a(m_width), b(m_height), c(m_dpi);
    m_width->setValue(s.pixelSize().width());
    m_height->setValue(s.pixelSize().height());
    m_dpi->setValue(s.dpi);
    m_pause->start();
}

render::MapExportSettings MapExportDialog::settings() const
{
    render::MapExportSettings s;
    const int preset = m_preset->currentData().toInt();
    if (preset >= 0) {
        s.applyPreset(render::ExportPreset(preset));
    } else {
        s.pixels = QSize(m_width->value(), m_height->value());
        s.dpi = m_dpi->value();
    }
    if (m_extent->currentIndex() == 0 && m_view.isValid())
        s.extent = m_view;
    s.title = m_title->text().trimmed();
    s.subtitle = m_subtitle->text().trimmed();
    s.caption = m_caption->text().trimmed();
    s.credit = m_credit->text().trimmed();
    s.style = m_style->currentIndex() == 1 ? geo::BasemapStyle::Dark : geo::BasemapStyle::Light;
    s.legend = m_legend->isChecked();
    s.scaleBar = m_scaleBar->isChecked();
    return s;
}

std::shared_ptr<const geo::BasemapRenderer> MapExportDialog::basemap(geo::BasemapStyle style)
{
    auto &renderer = m_basemap[style == geo::BasemapStyle::Dark ? 1 : 0];
    if (!renderer) {
        QString error;
        if (auto loaded = geo::BasemapData::load(geo::BasemapData::defaultPath(), &error))
            renderer = std::make_shared<const geo::BasemapRenderer>(loaded, style);
    }
    return renderer;
}

void MapExportDialog::updatePreview()
{
    m_pause->stop();
    render::MapExportSettings s = settings();
    const QSize full = s.pixelSize();
    // The same page at a lower resolution: everything keeps its place and proportion.
    const QSizeF paper = s.pageMillimetres();
    const double fit = std::min(double(kPreviewWidth) / std::max(1, full.width()),
                                double(kPreviewHeight) / std::max(1, full.height()));
    const int dpi = std::max(8, int(s.dpi * fit));
    s.millimetres = paper;
    s.dpi = dpi;
    s.format = render::ExportFormat::Png;
    const render::MapExport page(s, m_points, m_typeNames, basemap(s.style));
    if (!page.error().isEmpty()) {
        m_status->setText(page.error());
        return;
    }
    m_preview = QImage(page.settings().pixelSize(), QImage::Format_ARGB32_Premultiplied);
    m_preview.fill(Qt::white);
    QPainter painter(&m_preview);
    page.render(painter);
    painter.end();
    m_previewLabel->setPixmap(QPixmap::fromImage(m_preview));
    m_status->setText(
        tr("%1 × %2 px at %3 dpi; %n event(s) on the map", nullptr, int(page.eventsShown()))
            .arg(full.width())
            .arg(full.height())
            .arg(settings().dpi));
}

QString MapExportDialog::exportTo(const QString &path)
{
    render::MapExportSettings s = settings();
    const std::optional<render::ExportFormat> format = render::formatForPath(path);
    if (!format)
        return tr("%1: choose a .png, .svg or .pdf file").arg(path);
    s.format = *format;
    auto page =
        std::make_shared<const render::MapExport>(s, m_points, m_typeNames, basemap(s.style));
    if (!page->error().isEmpty())
        return page->error();
    // A large page takes a second or two: written on a worker behind a busy indicator.
    QProgressDialog busy(tr("Exporting the map…"), QString(), 0, 0, this);
    busy.setWindowModality(Qt::WindowModal);
    busy.setMinimumDuration(300);
    QFutureWatcher<QString> watcher;
    QEventLoop loop;
    connect(&watcher, &QFutureWatcher<QString>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run([page, path] {
        QString error;
        return page->write(path, &error) ? QString() : error;
    }));
    loop.exec();
    return watcher.result();
}

} // namespace placard

namespace placard {

void MapExportDialog::setAnimation(
    const QList<render::AnimationFrame> &frames,
    std::function<std::shared_ptr<const MapPoints>(const render::AnimationFrame &)> pointsFor)
{
    m_frames = frames;
    m_pointsFor = std::move(pointsFor);
    m_animate->setEnabled(!m_frames.isEmpty() && m_pointsFor);
    m_animate->setText(tr("Export &Animation (%n frame(s))…", nullptr, int(m_frames.size())));
}

QString MapExportDialog::exportAnimationTo(const QString &path, const QString &video)
{
    render::Animation animation;
    animation.settings = settings();
    animation.settings.caption.clear(); // each frame's dates are its caption
    animation.typeNames = m_typeNames;
    animation.basemap = basemap(animation.settings.style);
    animation.pointsFor = m_pointsFor;
    auto cancel = std::make_shared<std::atomic_bool>(false);
    QProgressDialog progress(tr("Writing the frames…"), tr("Cancel"), 0, int(m_frames.size()),
                             this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    connect(&progress, &QProgressDialog::canceled, this, [cancel] { cancel->store(true); });
    QPointer<QProgressDialog> bar = &progress;
    QFutureWatcher<QString> watcher;
    QEventLoop loop;
    connect(&watcher, &QFutureWatcher<QString>::finished, &loop, &QEventLoop::quit);
    const QList<render::AnimationFrame> frames = m_frames;
    watcher.setFuture(QtConcurrent::run([animation, frames, path, video, cancel, bar] {
        QString error;
        if (!render::writeAnimation(path, frames, animation, &error, cancel.get(),
                                    [bar](int done, int) {
                                        QMetaObject::invokeMethod(bar, [bar, done] {
                                            if (bar)
                                                bar->setValue(done);
                                        });
                                    }))
            return error;
        return video.isEmpty() ? QString()
                               : render::encodeVideo(path, int(frames.size()), 4, video);
    }));
    loop.exec();
    progress.reset();
    return watcher.result();
}

} // namespace placard
