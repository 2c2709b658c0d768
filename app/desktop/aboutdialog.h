// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

namespace placard {

/// Help ▸ About: version, licence, the libraries in use and the attributions of the
/// data Placard ships.
class AboutDialog : public QDialog {
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);
};

} // namespace placard
