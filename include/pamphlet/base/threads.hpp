// Running the same work on every core: the batch's jobs, the collection's
// article files.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>

namespace pamphlet {

// The cores this process may run on (a job array's share, taskset), as nproc
// counts them; the machine's when that cannot be told.
int usable_cores();

// Calls work(0) … work(count - 1) on up to `threads` threads (the caller's
// among them), taking the items in that order; no new item starts once
// `cancel` (when given) is set.
void run_parallel(std::size_t count, int threads, const std::function<void(std::size_t)>& work,
                  const std::atomic<bool>* cancel = nullptr);

}  // namespace pamphlet
