// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <thread>
#include <utility>

namespace placard {

/// A thread that takes a share of a few milliseconds' work from its caller, joined when it goes
/// out of scope. Linux starts a new thread on its creator's processor and moves it to an idle
/// one only later: measured in a filter change of a million events, the helper began 1–4 ms
/// late and the two then took turns on one processor, twice as slow as they should be. So the
/// thread is sent to the process's other processors as soon as it exists.
class HelperThread {
public:
    template<typename F>
    explicit HelperThread(F &&work)
        : m_thread(std::forward<F>(work))
    {
        placeElsewhere();
    }

private:
    void placeElsewhere();
    std::jthread m_thread;
};

} // namespace placard
