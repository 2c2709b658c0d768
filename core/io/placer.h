// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <array>
#include <atomic>
#include <functional>

namespace placard {
class Catalogue;
namespace geo {
class Geocoder;
}
} // namespace placard

namespace placard::io {

/// What placing the unplaced events of a catalogue did.
struct PlacingReport {
    qint64 unplaced = 0; ///< events without coordinates before
    std::array<qint64, 3> placed{}; ///< placed at locality, admin1, country precision
    qint64 stillUnplaced = 0;
    bool cancelled = false;
    QString error;
};

/// Geocodes every event that has no coordinates, from its place text and columns, and
/// stores the points as coming from the gazetteer, in one transaction (cancel leaves
/// the catalogue as it was). Call it on the catalogue's thread.
PlacingReport
placeUnplacedEvents(Catalogue &catalogue, const geo::Geocoder &geocoder,
                    const std::atomic_bool *cancel = nullptr,
                    const std::function<void(qint64 done, qint64 total)> &progress = {});

} // namespace placard::io
