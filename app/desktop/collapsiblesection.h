// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QToolButton;

namespace placard {

/// A titled part of a panel that folds away: a header button with an arrow, and below it the
/// content, shown only while the section is expanded. The section owns its content.
class CollapsibleSection : public QWidget {
    Q_OBJECT

public:
    CollapsibleSection(const QString &title, QWidget *content, QWidget *parent = nullptr);

    void setTitle(const QString &title);
    QString title() const;
    bool isExpanded() const;
    void setExpanded(bool expanded);
    QWidget *content() const { return m_content; }

private:
    QToolButton *m_header;
    QWidget *m_content;
};

} // namespace placard
