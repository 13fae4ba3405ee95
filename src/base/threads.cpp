#include "pamphlet/base/threads.hpp"

#include <sched.h>

#include <algorithm>
#include <thread>
#include <vector>

namespace pamphlet {

int usable_cores() {
    cpu_set_t cores;
    CPU_ZERO(&cores);
    if (sched_getaffinity(0, sizeof cores, &cores) == 0 && CPU_COUNT(&cores) > 0)
        return CPU_COUNT(&cores);
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

void run_parallel(std::size_t count, int threads, const std::function<void(std::size_t)>& work,
                  const std::atomic<bool>* cancel) {
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (;;) {
            if (cancel != nullptr && cancel->load()) return;
            const std::size_t k = next.fetch_add(1);
            if (k >= count) return;
            work(k);
        }
    };
    const std::size_t helpers =
        std::min<std::size_t>(static_cast<std::size_t>(std::max(threads, 1)), count);
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < helpers; ++t) pool.emplace_back(worker);
    worker();
    for (std::thread& thread : pool) thread.join();
}

}  // namespace pamphlet
