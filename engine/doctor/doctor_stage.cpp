#include "doctor/doctor_stage.h"

namespace cs {

DoctorCancelled::DoctorCancelled() : Error(msg("doctor.cancelled", "the data doctor was cancelled")) {}

DoctorStage::DoctorStage(const DoctorProgress& progress, std::string name,
                         std::vector<std::pair<std::string, double>>* seconds)
    : progress_(progress), name_(std::move(name)), seconds_(seconds), start_(std::chrono::steady_clock::now()) {
    report(0.0);
}

bool DoctorStage::cancelled() const { return progress_.cancel && progress_.cancel->load(std::memory_order_relaxed); }

void DoctorStage::check() const {
    if (cancelled()) throw DoctorCancelled();
}

void DoctorStage::report(double fraction) const {
    check();
    if (progress_.report) progress_.report(name_, fraction);
}

void DoctorStage::finish() {
    if (finished_) return;
    report(1.0);
    finished_ = true;
    if (seconds_)
        seconds_->emplace_back(name_, std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count());
}

}  // namespace cs
