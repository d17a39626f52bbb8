// Running independent tasks on every core. Each task writes only its own results, so what
// comes out does not depend on the number of threads or on scheduling.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace nianbao {

/// Threads to use for `jobs` (0: one per core), never more than `tasks`, at least one.
inline int WorkerCount(int jobs, size_t tasks) {
  int n = jobs > 0 ? jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return static_cast<int>(std::max<size_t>(1, std::min<size_t>(static_cast<size_t>(n), tasks)));
}

/// Calls task(i, worker) for every i in [0, n), on WorkerCount(jobs, n) threads; `worker`
/// is the calling thread's number (0 ≤ worker < WorkerCount), for per-thread state. Tasks
/// are handed out in order of i. The first exception a task throws is rethrown here, after
/// every thread has stopped.
template <typename Task>
void ParallelFor(size_t n, int jobs, Task&& task) {
  const int workers = WorkerCount(jobs, n);
  std::atomic<size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto work = [&](int worker) {
    try {
      for (size_t i = next++; i < n; i = next++) task(i, worker);
    } catch (...) {
      std::lock_guard lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      next = n;  // the others stop after their current task
    }
  };
  std::vector<std::thread> threads;
  for (int w = 1; w < workers; ++w) threads.emplace_back(work, w);
  work(0);
  for (std::thread& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace nianbao
