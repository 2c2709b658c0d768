// SPDX-License-Identifier: GPL-3.0-or-later
#include "query/helperthread.h"

#if defined(__linux__)
#include <pthread.h>
#include <sched.h>
#endif

namespace placard {

void HelperThread::placeElsewhere()
{
#if defined(__linux__)
    // The processors this thread may use, less the one it runs on; with none left (a single
    // processor allowed), the helper stays where the system puts it.
    cpu_set_t others;
    CPU_ZERO(&others);
    if (sched_getaffinity(0, sizeof others, &others) != 0)
        return;
    const int here = sched_getcpu();
    if (here < 0 || here >= CPU_SETSIZE)
        return;
    CPU_CLR(here, &others);
    if (CPU_COUNT(&others) > 0)
        pthread_setaffinity_np(m_thread.native_handle(), sizeof others, &others);
#endif
}

} // namespace placard
