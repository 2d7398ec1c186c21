// A thread that runs one round of work after another: the round says how long it may sleep before the next
// (zero: go on at once); wake() cuts the sleep short, stop() ends the loop after the round in progress.
#pragma once
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace inbox::relay::whatsapp {

class WorkerThread {
 public:
  using Round = std::function<std::chrono::milliseconds()>;
  explicit WorkerThread(Round round) : round_(std::move(round)) {}
  ~WorkerThread() { stop(); }
  WorkerThread(const WorkerThread&) = delete;
  WorkerThread& operator=(const WorkerThread&) = delete;

  void start();
  void stop();  // idempotent
  void wake();  // any thread
  bool stopping() const;

 private:
  void run();

  Round round_;
  std::thread thread_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool woken_ = false;
};

}  // namespace inbox::relay::whatsapp
