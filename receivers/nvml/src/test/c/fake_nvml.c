/*
 * A fake libnvidia-ml for gputel's tests: a real shared library that exports the NVML functions
 * the nvml receiver binds, with NVML's C signatures and struct layouts (nvml.h, NVML_API_VERSION 13),
 * and serves a scripted set of GPUs. It is SYNTHETIC: the values follow the formulas below, not a
 * capture. Tests script it through the fake_nvml_* control functions at the end of this file.
 *
 * Built with -DFAKE_NVML_LEGACY it lacks the versioned symbols that old drivers lack
 * (nvmlInit_v2, nvmlDeviceGetCount_v2, nvmlDeviceGetHandleByIndex_v2, nvmlDeviceGetPciInfo_v3,
 * nvmlDeviceGetMemoryInfo_v2, nvmlEventSetWait_v2 and its MIG instance ids) and has nvmlDeviceGetCurrentClocksThrottleReasons instead of its
 * newer name nvmlDeviceGetCurrentClocksEventReasons, so the receiver must fall back to the older ones.
 *
 * GPU i of n (bus ids are those of a DGX H100's eight GPUs):
 *   name "NVIDIA H100 80GB HBM3", uuid "GPU-5f3c2a10-7d4e-4b8a-9c61-00000000000<i>",
 *   serial "165232300000<i>", vbios "96.00.99.00.0<i>", pci 00000000:<bus[i]>:00.0,
 *   architecture Hopper (9), MIG disabled
 *   utilization gpu 10*i %, memory 5*i+1 %
 *   memory total 85520809984 B (81559 MiB), reserved 501481472 B (478.25 MiB),
 *          used i*1000 MiB + 12345 B, free = total - reserved - used (v1: used includes reserved)
 *   power 68123+1000*i mW, temperature 30+i C, fan NOT_SUPPORTED (a passively cooled board)
 *   clocks graphics 1980-i, sm 1980-i, memory 2619, video 1545-i MHz
 *   pcie gen 5, width 16; encoder sessions i, fps 30*i, latency 100*i us
 *   power limit 650000 mW, default 700000, constraints 200000..700000, enforced 650000 mW
 *   encoder/decoder utilization 2*i / 3*i %, clocks event reasons mask clock_reasons[i % 8]
 *   fields: energy 83 = 123456789+1000*i mJ (ull), memory temperature 82 = 40+i C (uint),
 *           PCIe replay 94 = i (ull), remapped rows 142..145 = i, 0, 0, 0 (uint),
 *           power average 185 = 67000+i mW, instant 186 = 69000+i mW (uint),
 *           ECC totals 3,4,5,6 = i, 0, 2*i, 0 (ull), retired pages 29,30,31 = i, 0, 0 (uint);
 *           any other field id is NOT_SUPPORTED.
 *   events: supports SingleBitEccError, DoubleBitEccError, PState, XidCriticalError, Clock,
 *           DramRetirementEvent and DramRetirementFailure (0xC1F) unless a test says otherwise;
 *           GpuUnavailableError and GpuRecoveryAction (newer drivers) are not. An event set queues
 *           what tests push (fake_nvml_push_event) for the GPUs and types registered on it, and
 *           nvmlEventSetWait_v2 blocks on a condition variable until one is queued or the timeout
 *           passes. NVML is thread-safe, and so is this fake: the receiver waits for events on one
 *           thread while it collects metrics on another.
 */
#include <errno.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

typedef int nvmlReturn_t;

enum {
  NVML_SUCCESS = 0, NVML_ERROR_UNINITIALIZED = 1, NVML_ERROR_INVALID_ARGUMENT = 2,
  NVML_ERROR_NOT_SUPPORTED = 3, NVML_ERROR_INSUFFICIENT_SIZE = 7, NVML_ERROR_DRIVER_NOT_LOADED = 9,
  NVML_ERROR_TIMEOUT = 10, NVML_ERROR_GPU_IS_LOST = 15, NVML_ERROR_MEMORY = 20,
  NVML_ERROR_ARGUMENT_VERSION_MISMATCH = 25, NVML_ERROR_UNKNOWN = 999
};

typedef struct {
  char busIdLegacy[16];
  unsigned int domain;
  unsigned int bus;
  unsigned int device;
  unsigned int pciDeviceId;
  unsigned int pciSubSystemId;
  char busId[32];
} nvmlPciInfo_t;

/* What nvmlDeviceGetPciInfo_v2 fills: the layout before busId grew to 32 characters. */
typedef struct {
  char busId[16];
  unsigned int domain;
  unsigned int bus;
  unsigned int device;
  unsigned int pciDeviceId;
  unsigned int pciSubSystemId;
  unsigned int reserved0, reserved1, reserved2, reserved3;
} nvmlPciInfoV2_t;

typedef struct { unsigned int gpu; unsigned int memory; } nvmlUtilization_t;
typedef struct { unsigned long long total, free, used; } nvmlMemory_t;
typedef struct {
  unsigned int version;
  unsigned long long total, reserved, free, used;
} nvmlMemory_v2_t;

typedef union {
  double dVal;
  unsigned int uiVal;
  unsigned long ulVal;
  unsigned long long ullVal;
  signed long long sllVal;
  signed int siVal;
  unsigned short usVal;
} nvmlValue_t;

typedef struct {
  unsigned int fieldId;
  unsigned int scopeId;
  long long timestamp;
  long long latencyUsec;
  int valueType;
  nvmlReturn_t nvmlReturn;
  nvmlValue_t value;
} nvmlFieldValue_t;

typedef struct {
  void *device;
  unsigned long long eventType;
  unsigned long long eventData;
  unsigned int gpuInstanceId;
  unsigned int computeInstanceId;
} nvmlEventData_t;

/* What nvmlEventSetWait (v1) fills: the struct before MIG added the instance ids. */
typedef struct {
  void *device;
  unsigned long long eventType;
  unsigned long long eventData;
} nvmlEventDataV1_t;

/* The layouts the Java side declares; the build fails if the C compiler disagrees. */
_Static_assert(sizeof(nvmlPciInfo_t) == 68 && offsetof(nvmlPciInfo_t, busId) == 36, "nvmlPciInfo_t");
_Static_assert(sizeof(nvmlUtilization_t) == 8, "nvmlUtilization_t");
_Static_assert(sizeof(nvmlMemory_t) == 24 && offsetof(nvmlMemory_t, used) == 16, "nvmlMemory_t");
_Static_assert(sizeof(nvmlMemory_v2_t) == 40 && offsetof(nvmlMemory_v2_t, total) == 8
    && offsetof(nvmlMemory_v2_t, used) == 32, "nvmlMemory_v2_t");
_Static_assert(sizeof(nvmlFieldValue_t) == 40 && offsetof(nvmlFieldValue_t, nvmlReturn) == 28
    && offsetof(nvmlFieldValue_t, value) == 32, "nvmlFieldValue_t");
_Static_assert(sizeof(nvmlEventData_t) == 32 && offsetof(nvmlEventData_t, eventType) == 8
    && offsetof(nvmlEventData_t, eventData) == 16 && offsetof(nvmlEventData_t, gpuInstanceId) == 24
    && offsetof(nvmlEventData_t, computeInstanceId) == 28, "nvmlEventData_t");

#define NVML_MEMORY_V2 ((unsigned int) (sizeof(nvmlMemory_v2_t) | (2 << 24)))
#define MAX_GPUS 16
#define ALL_GPUS MAX_GPUS
#define MAX_FIELD 320
#define MAX_EVENT_SETS 8
#define MAX_QUEUED_EVENTS 64
#define DEFAULT_SUPPORTED_EVENTS 0xC1FULL

typedef struct fake_gpu {
  int index;
  int lost;
  unsigned int mig;
  unsigned long long used;
  unsigned long long supported_events;
  nvmlReturn_t field_result[MAX_FIELD];
} fake_gpu;

/* An nvmlEventSet_t: which event types of which GPU it was registered for, and a queue of events. */
typedef struct fake_event_set {
  int used;
  unsigned long long registered[MAX_GPUS];
  nvmlEventData_t queue[MAX_QUEUED_EVENTS];
  int head;
  int count;
} fake_event_set;

/* Every exported NVML function, so that calls can be counted and results scripted per function. */
#define FUNCTIONS(X) \
  X(nvmlInit_v2) X(nvmlInit) X(nvmlShutdown) X(nvmlSystemGetDriverVersion) \
  X(nvmlDeviceGetCount_v2) X(nvmlDeviceGetCount) X(nvmlDeviceGetHandleByIndex_v2) \
  X(nvmlDeviceGetHandleByIndex) X(nvmlDeviceGetName) X(nvmlDeviceGetUUID) X(nvmlDeviceGetSerial) \
  X(nvmlDeviceGetVbiosVersion) X(nvmlDeviceGetPciInfo_v3) X(nvmlDeviceGetPciInfo_v2) \
  X(nvmlDeviceGetArchitecture) X(nvmlDeviceGetMigMode) X(nvmlDeviceGetUtilizationRates) \
  X(nvmlDeviceGetMemoryInfo) X(nvmlDeviceGetMemoryInfo_v2) X(nvmlDeviceGetPowerUsage) \
  X(nvmlDeviceGetTemperature) X(nvmlDeviceGetFanSpeed) X(nvmlDeviceGetClockInfo) \
  X(nvmlDeviceGetCurrPcieLinkGeneration) X(nvmlDeviceGetCurrPcieLinkWidth) \
  X(nvmlDeviceGetEncoderStats) X(nvmlDeviceGetPowerManagementLimit) \
  X(nvmlDeviceGetPowerManagementDefaultLimit) X(nvmlDeviceGetPowerManagementLimitConstraints) \
  X(nvmlDeviceGetEnforcedPowerLimit) X(nvmlDeviceGetEncoderUtilization) \
  X(nvmlDeviceGetDecoderUtilization) X(nvmlDeviceGetCurrentClocksEventReasons) \
  X(nvmlDeviceGetCurrentClocksThrottleReasons) X(nvmlDeviceGetFieldValues) \
  X(nvmlEventSetCreate) X(nvmlEventSetFree) X(nvmlDeviceGetSupportedEventTypes) \
  X(nvmlDeviceRegisterEvents) X(nvmlEventSetWait_v2) X(nvmlEventSetWait)
#define ENUM_ENTRY(name) FN_##name,
#define NAME_ENTRY(name) #name,
enum { FUNCTIONS(ENUM_ENTRY) FN_COUNT };
static const char *const function_names[] = { FUNCTIONS(NAME_ENTRY) };

static const unsigned int buses[MAX_GPUS] = {
  0x18, 0x2A, 0x3A, 0x5D, 0x9A, 0xAB, 0xBA, 0xDB, 0x1B, 0x2B, 0x3B, 0x4B, 0x5B, 0x6B, 0x7B, 0x8B };

static fake_gpu gpus[MAX_GPUS];
static int gpu_count;
static int init_count;
static nvmlReturn_t init_result;
/* A scripted result per function and GPU (index ALL_GPUS: every GPU); SUCCESS means "answer". */
static nvmlReturn_t results[FN_COUNT][MAX_GPUS + 1];
static long calls[FN_COUNT];
/* Event sets and their queues; the lock guards them and the scripted wait failures. */
static fake_event_set event_sets[MAX_EVENT_SETS];
static pthread_mutex_t events_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t events_queued = PTHREAD_COND_INITIALIZER;
static nvmlReturn_t wait_failure;
static int wait_failures_left;

/* Counts the call and returns what the GPU (NULL for system calls) should answer instead of data. */
static nvmlReturn_t enter(int function, const fake_gpu *gpu) {
  __atomic_add_fetch(&calls[function], 1, __ATOMIC_SEQ_CST);
  if (__atomic_load_n(&init_count, __ATOMIC_SEQ_CST) == 0 && function != FN_nvmlInit_v2 && function != FN_nvmlInit) {
    return NVML_ERROR_UNINITIALIZED;
  }
  if (gpu == NULL) {
    return results[function][ALL_GPUS];
  }
  if (gpu < gpus || gpu >= gpus + gpu_count) {
    return NVML_ERROR_INVALID_ARGUMENT;
  }
  if (gpu->lost) {
    return NVML_ERROR_GPU_IS_LOST;
  }
  nvmlReturn_t scripted = results[function][gpu->index];
  return scripted != NVML_SUCCESS ? scripted : results[function][ALL_GPUS];
}

static nvmlReturn_t copy_string(char *buffer, unsigned int length, const char *value) {
  if (buffer == NULL) {
    return NVML_ERROR_INVALID_ARGUMENT;
  }
  if (strlen(value) + 1 > length) {
    return NVML_ERROR_INSUFFICIENT_SIZE;
  }
  strcpy(buffer, value);
  return NVML_SUCCESS;
}

static unsigned long long reserved_bytes(void) { return 501481472ULL; }
static unsigned long long total_bytes(void) { return 85520809984ULL; }

#define GPU(device) ((fake_gpu *) (device))
#define CHECK(function, gpu) do { nvmlReturn_t rc = enter(function, gpu); if (rc != NVML_SUCCESS) return rc; } while (0)

static nvmlReturn_t init(int function) {
  __atomic_add_fetch(&calls[function], 1, __ATOMIC_SEQ_CST);
  if (init_result != NVML_SUCCESS) {
    return init_result;
  }
  __atomic_add_fetch(&init_count, 1, __ATOMIC_SEQ_CST);
  return NVML_SUCCESS;
}

#ifndef FAKE_NVML_LEGACY
nvmlReturn_t nvmlInit_v2(void) { return init(FN_nvmlInit_v2); }
#endif
nvmlReturn_t nvmlInit(void) { return init(FN_nvmlInit); }

nvmlReturn_t nvmlShutdown(void) {
  CHECK(FN_nvmlShutdown, NULL);
  __atomic_sub_fetch(&init_count, 1, __ATOMIC_SEQ_CST);
  return NVML_SUCCESS;
}

const char *nvmlErrorString(nvmlReturn_t result) {
  switch (result) {
    case NVML_SUCCESS: return "Success";
    case NVML_ERROR_UNINITIALIZED: return "Uninitialized";
    case NVML_ERROR_NOT_SUPPORTED: return "Not Supported";
    case NVML_ERROR_DRIVER_NOT_LOADED: return "Driver Not Loaded";
    case NVML_ERROR_TIMEOUT: return "Timeout";
    case NVML_ERROR_GPU_IS_LOST: return "GPU is lost";
    default: return "Unknown Error";
  }
}

nvmlReturn_t nvmlSystemGetDriverVersion(char *version, unsigned int length) {
  CHECK(FN_nvmlSystemGetDriverVersion, NULL);
  return copy_string(version, length, "590.48.01");
}

static nvmlReturn_t count(int function, unsigned int *deviceCount) {
  CHECK(function, NULL);
  *deviceCount = (unsigned int) gpu_count;
  return NVML_SUCCESS;
}

#ifndef FAKE_NVML_LEGACY
nvmlReturn_t nvmlDeviceGetCount_v2(unsigned int *deviceCount) { return count(FN_nvmlDeviceGetCount_v2, deviceCount); }
#endif
nvmlReturn_t nvmlDeviceGetCount(unsigned int *deviceCount) { return count(FN_nvmlDeviceGetCount, deviceCount); }

static nvmlReturn_t handle(int function, unsigned int index, void **device) {
  CHECK(function, NULL);
  if (index >= (unsigned int) gpu_count) {
    return NVML_ERROR_INVALID_ARGUMENT;
  }
  if (gpus[index].lost) {
    return NVML_ERROR_GPU_IS_LOST;
  }
  *device = &gpus[index];
  return NVML_SUCCESS;
}

#ifndef FAKE_NVML_LEGACY
nvmlReturn_t nvmlDeviceGetHandleByIndex_v2(unsigned int index, void **device) {
  return handle(FN_nvmlDeviceGetHandleByIndex_v2, index, device);
}
#endif
nvmlReturn_t nvmlDeviceGetHandleByIndex(unsigned int index, void **device) {
  return handle(FN_nvmlDeviceGetHandleByIndex, index, device);
}

nvmlReturn_t nvmlDeviceGetName(void *device, char *name, unsigned int length) {
  CHECK(FN_nvmlDeviceGetName, GPU(device));
  return copy_string(name, length, "NVIDIA H100 80GB HBM3");
}

nvmlReturn_t nvmlDeviceGetUUID(void *device, char *uuid, unsigned int length) {
  CHECK(FN_nvmlDeviceGetUUID, GPU(device));
  char value[64];
  snprintf(value, sizeof value, "GPU-5f3c2a10-7d4e-4b8a-9c61-%012x", GPU(device)->index);
  return copy_string(uuid, length, value);
}

nvmlReturn_t nvmlDeviceGetSerial(void *device, char *serial, unsigned int length) {
  CHECK(FN_nvmlDeviceGetSerial, GPU(device));
  char value[32];
  snprintf(value, sizeof value, "165232300000%d", GPU(device)->index);
  return copy_string(serial, length, value);
}

nvmlReturn_t nvmlDeviceGetVbiosVersion(void *device, char *version, unsigned int length) {
  CHECK(FN_nvmlDeviceGetVbiosVersion, GPU(device));
  char value[32];
  snprintf(value, sizeof value, "96.00.99.00.%02d", GPU(device)->index);
  return copy_string(version, length, value);
}

static void fill_pci(const fake_gpu *gpu, unsigned int *domain, unsigned int *bus, unsigned int *dev,
    unsigned int *id, unsigned int *subsystem) {
  *domain = 0;
  *bus = buses[gpu->index];
  *dev = 0;
  *id = 0x233010DE;
  *subsystem = 0x16C110DE;
}

#ifndef FAKE_NVML_LEGACY
nvmlReturn_t nvmlDeviceGetPciInfo_v3(void *device, nvmlPciInfo_t *pci) {
  CHECK(FN_nvmlDeviceGetPciInfo_v3, GPU(device));
  memset(pci, 0, sizeof *pci);
  fill_pci(GPU(device), &pci->domain, &pci->bus, &pci->device, &pci->pciDeviceId, &pci->pciSubSystemId);
  snprintf(pci->busIdLegacy, sizeof pci->busIdLegacy, "%04X:%02X:%02X.0", pci->domain, pci->bus, pci->device);
  snprintf(pci->busId, sizeof pci->busId, "%08X:%02X:%02X.0", pci->domain, pci->bus, pci->device);
  return NVML_SUCCESS;
}
#endif

nvmlReturn_t nvmlDeviceGetPciInfo_v2(void *device, nvmlPciInfoV2_t *pci) {
  CHECK(FN_nvmlDeviceGetPciInfo_v2, GPU(device));
  memset(pci, 0, sizeof *pci);
  fill_pci(GPU(device), &pci->domain, &pci->bus, &pci->device, &pci->pciDeviceId, &pci->pciSubSystemId);
  snprintf(pci->busId, sizeof pci->busId, "%04X:%02X:%02X.0", pci->domain, pci->bus, pci->device);
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetArchitecture(void *device, unsigned int *arch) {
  CHECK(FN_nvmlDeviceGetArchitecture, GPU(device));
  *arch = 9;
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetMigMode(void *device, unsigned int *current, unsigned int *pending) {
  CHECK(FN_nvmlDeviceGetMigMode, GPU(device));
  *current = GPU(device)->mig;
  *pending = GPU(device)->mig;
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetUtilizationRates(void *device, nvmlUtilization_t *utilization) {
  CHECK(FN_nvmlDeviceGetUtilizationRates, GPU(device));
  utilization->gpu = 10 * GPU(device)->index;
  utilization->memory = 5 * GPU(device)->index + 1;
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetMemoryInfo(void *device, nvmlMemory_t *memory) {
  CHECK(FN_nvmlDeviceGetMemoryInfo, GPU(device));
  const fake_gpu *gpu = GPU(device);
  memory->total = total_bytes();
  memory->used = gpu->used + reserved_bytes();
  memory->free = total_bytes() - reserved_bytes() - gpu->used;
  return NVML_SUCCESS;
}

#ifndef FAKE_NVML_LEGACY
nvmlReturn_t nvmlDeviceGetMemoryInfo_v2(void *device, nvmlMemory_v2_t *memory) {
  CHECK(FN_nvmlDeviceGetMemoryInfo_v2, GPU(device));
  if (memory->version != NVML_MEMORY_V2) {
    return NVML_ERROR_ARGUMENT_VERSION_MISMATCH;
  }
  const fake_gpu *gpu = GPU(device);
  memory->total = total_bytes();
  memory->reserved = reserved_bytes();
  memory->used = gpu->used;
  memory->free = total_bytes() - reserved_bytes() - gpu->used;
  return NVML_SUCCESS;
}
#endif

nvmlReturn_t nvmlDeviceGetPowerUsage(void *device, unsigned int *power) {
  CHECK(FN_nvmlDeviceGetPowerUsage, GPU(device));
  *power = 68123 + 1000 * GPU(device)->index;
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetTemperature(void *device, int sensor, unsigned int *temperature) {
  CHECK(FN_nvmlDeviceGetTemperature, GPU(device));
  if (sensor != 0) {
    return NVML_ERROR_INVALID_ARGUMENT;
  }
  *temperature = 30 + GPU(device)->index;
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetFanSpeed(void *device, unsigned int *speed) {
  CHECK(FN_nvmlDeviceGetFanSpeed, GPU(device));
  (void) speed;
  return NVML_ERROR_NOT_SUPPORTED;
}

nvmlReturn_t nvmlDeviceGetClockInfo(void *device, int type, unsigned int *clock) {
  CHECK(FN_nvmlDeviceGetClockInfo, GPU(device));
  unsigned int index = (unsigned int) GPU(device)->index;
  switch (type) {
    case 0: *clock = 1980 - index; return NVML_SUCCESS;
    case 1: *clock = 1980 - index; return NVML_SUCCESS;
    case 2: *clock = 2619; return NVML_SUCCESS;
    case 3: *clock = 1545 - index; return NVML_SUCCESS;
    default: return NVML_ERROR_INVALID_ARGUMENT;
  }
}

nvmlReturn_t nvmlDeviceGetCurrPcieLinkGeneration(void *device, unsigned int *generation) {
  CHECK(FN_nvmlDeviceGetCurrPcieLinkGeneration, GPU(device));
  *generation = 5;
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetCurrPcieLinkWidth(void *device, unsigned int *width) {
  CHECK(FN_nvmlDeviceGetCurrPcieLinkWidth, GPU(device));
  *width = 16;
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetEncoderStats(void *device, unsigned int *sessions, unsigned int *fps,
    unsigned int *latency) {
  CHECK(FN_nvmlDeviceGetEncoderStats, GPU(device));
  unsigned int index = (unsigned int) GPU(device)->index;
  *sessions = index;
  *fps = 30 * index;
  *latency = 100 * index;
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetPowerManagementLimit(void *device, unsigned int *limit) {
  CHECK(FN_nvmlDeviceGetPowerManagementLimit, GPU(device));
  *limit = 650000;
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetPowerManagementDefaultLimit(void *device, unsigned int *limit) {
  CHECK(FN_nvmlDeviceGetPowerManagementDefaultLimit, GPU(device));
  *limit = 700000;
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetPowerManagementLimitConstraints(void *device, unsigned int *min, unsigned int *max) {
  CHECK(FN_nvmlDeviceGetPowerManagementLimitConstraints, GPU(device));
  *min = 200000;
  *max = 700000;
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetEnforcedPowerLimit(void *device, unsigned int *limit) {
  CHECK(FN_nvmlDeviceGetEnforcedPowerLimit, GPU(device));
  *limit = 650000;
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetEncoderUtilization(void *device, unsigned int *utilization, unsigned int *period) {
  CHECK(FN_nvmlDeviceGetEncoderUtilization, GPU(device));
  *utilization = 2 * (unsigned int) GPU(device)->index;
  *period = 167000;
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetDecoderUtilization(void *device, unsigned int *utilization, unsigned int *period) {
  CHECK(FN_nvmlDeviceGetDecoderUtilization, GPU(device));
  *utilization = 3 * (unsigned int) GPU(device)->index;
  *period = 167000;
  return NVML_SUCCESS;
}

/* GPU idle 0x1, SW power cap 0x4, HW slowdown 0x8, SW thermal 0x20, HW thermal 0x40, HW power brake 0x80. */
static const unsigned long long clock_reasons[8] = { 0x1, 0x4, 0x8, 0x20, 0x40, 0x80, 0x0, 0xED };

static nvmlReturn_t clocks_reasons(int function, void *device, unsigned long long *reasons) {
  CHECK(function, GPU(device));
  *reasons = clock_reasons[GPU(device)->index % 8];
  return NVML_SUCCESS;
}

#ifndef FAKE_NVML_LEGACY
nvmlReturn_t nvmlDeviceGetCurrentClocksEventReasons(void *device, unsigned long long *reasons) {
  return clocks_reasons(FN_nvmlDeviceGetCurrentClocksEventReasons, device, reasons);
}
#endif
nvmlReturn_t nvmlDeviceGetCurrentClocksThrottleReasons(void *device, unsigned long long *reasons) {
  return clocks_reasons(FN_nvmlDeviceGetCurrentClocksThrottleReasons, device, reasons);
}

enum { UINT = 1, ULL = 3 };

static int field_value(const fake_gpu *gpu, unsigned int id, nvmlValue_t *value) {
  unsigned long long i = (unsigned long long) gpu->index;
  switch (id) {
    case 3: value->ullVal = i; return ULL;
    case 4: value->ullVal = 0; return ULL;
    case 5: value->ullVal = 2 * i; return ULL;
    case 6: value->ullVal = 0; return ULL;
    case 29: value->uiVal = (unsigned int) i; return UINT;
    case 30: case 31: value->uiVal = 0; return UINT;
    case 82: value->uiVal = 40 + (unsigned int) i; return UINT;
    case 83: value->ullVal = 123456789ULL + 1000 * i; return ULL;
    case 94: value->ullVal = i; return ULL;
    case 142: value->uiVal = (unsigned int) i; return UINT;
    case 143: case 144: case 145: value->uiVal = 0; return UINT;
    case 185: value->uiVal = 67000 + (unsigned int) i; return UINT;
    case 186: value->uiVal = 69000 + (unsigned int) i; return UINT;
    default: return -1;
  }
}

nvmlReturn_t nvmlDeviceGetFieldValues(void *device, int valuesCount, nvmlFieldValue_t *values) {
  CHECK(FN_nvmlDeviceGetFieldValues, GPU(device));
  if (valuesCount < 0 || (valuesCount > 0 && values == NULL)) {
    return NVML_ERROR_INVALID_ARGUMENT;
  }
  const fake_gpu *gpu = GPU(device);
  for (int n = 0; n < valuesCount; n++) {
    nvmlFieldValue_t *entry = &values[n];
    entry->timestamp = 1767225600000000LL;
    entry->latencyUsec = 0;
    nvmlReturn_t scripted = entry->fieldId < MAX_FIELD ? gpu->field_result[entry->fieldId] : NVML_SUCCESS;
    int type = field_value(gpu, entry->fieldId, &entry->value);
    if (scripted != NVML_SUCCESS) {
      entry->nvmlReturn = scripted;
    } else if (type < 0) {
      entry->nvmlReturn = NVML_ERROR_NOT_SUPPORTED;
    } else {
      entry->valueType = type;
      entry->nvmlReturn = NVML_SUCCESS;
    }
  }
  return NVML_SUCCESS;
}

/* ---- events ---------------------------------------------------------------------------------- */

/* The set behind a handle, or NULL when it is no live set of this fake. Call with events_lock held. */
static fake_event_set *event_set(void *set) {
  fake_event_set *found = (fake_event_set *) set;
  if (found < event_sets || found >= event_sets + MAX_EVENT_SETS || !found->used) {
    return NULL;
  }
  return found;
}

nvmlReturn_t nvmlEventSetCreate(void **set) {
  CHECK(FN_nvmlEventSetCreate, NULL);
  if (set == NULL) {
    return NVML_ERROR_INVALID_ARGUMENT;
  }
  nvmlReturn_t rc = NVML_ERROR_MEMORY;
  pthread_mutex_lock(&events_lock);
  for (int i = 0; i < MAX_EVENT_SETS; i++) {
    if (!event_sets[i].used) {
      memset(&event_sets[i], 0, sizeof event_sets[i]);
      event_sets[i].used = 1;
      *set = &event_sets[i];
      rc = NVML_SUCCESS;
      break;
    }
  }
  pthread_mutex_unlock(&events_lock);
  return rc;
}

nvmlReturn_t nvmlEventSetFree(void *set) {
  CHECK(FN_nvmlEventSetFree, NULL);
  pthread_mutex_lock(&events_lock);
  fake_event_set *found = event_set(set);
  if (found != NULL) {
    memset(found, 0, sizeof *found);
    pthread_cond_broadcast(&events_queued);
  }
  pthread_mutex_unlock(&events_lock);
  return found != NULL ? NVML_SUCCESS : NVML_ERROR_INVALID_ARGUMENT;
}

nvmlReturn_t nvmlDeviceGetSupportedEventTypes(void *device, unsigned long long *types) {
  CHECK(FN_nvmlDeviceGetSupportedEventTypes, GPU(device));
  *types = GPU(device)->supported_events;
  return NVML_SUCCESS;
}

/* As NVML: NOT_SUPPORTED when a requested type is one the GPU does not support. */
nvmlReturn_t nvmlDeviceRegisterEvents(void *device, unsigned long long types, void *set) {
  CHECK(FN_nvmlDeviceRegisterEvents, GPU(device));
  const fake_gpu *gpu = GPU(device);
  if ((types & ~gpu->supported_events) != 0) {
    return NVML_ERROR_NOT_SUPPORTED;
  }
  pthread_mutex_lock(&events_lock);
  fake_event_set *found = event_set(set);
  if (found != NULL) {
    found->registered[gpu->index] |= types;
  }
  pthread_mutex_unlock(&events_lock);
  return found != NULL ? NVML_SUCCESS : NVML_ERROR_INVALID_ARGUMENT;
}

/* Blocks until the set has an event or timeoutms have passed; v1 fills the struct without instance ids. */
static nvmlReturn_t wait_event(int function, void *set, void *data, unsigned int timeoutms, int v2) {
  CHECK(function, NULL);
  if (data == NULL) {
    return NVML_ERROR_INVALID_ARGUMENT;
  }
  struct timespec deadline;
  clock_gettime(CLOCK_REALTIME, &deadline);
  deadline.tv_sec += timeoutms / 1000;
  deadline.tv_nsec += (long) (timeoutms % 1000) * 1000000L;
  if (deadline.tv_nsec >= 1000000000L) {
    deadline.tv_sec++;
    deadline.tv_nsec -= 1000000000L;
  }
  nvmlReturn_t rc = NVML_SUCCESS;
  pthread_mutex_lock(&events_lock);
  fake_event_set *found = event_set(set);
  if (found == NULL) {
    rc = NVML_ERROR_INVALID_ARGUMENT;
  } else if (wait_failures_left > 0) {
    wait_failures_left--;
    rc = wait_failure;
  } else {
    while (found->used && found->count == 0) {
      if (pthread_cond_timedwait(&events_queued, &events_lock, &deadline) == ETIMEDOUT) {
        break;
      }
    }
    if (!found->used) {
      rc = NVML_ERROR_INVALID_ARGUMENT;
    } else if (found->count == 0) {
      rc = NVML_ERROR_TIMEOUT;
    } else {
      const nvmlEventData_t *event = &found->queue[found->head];
      if (v2) {
        *(nvmlEventData_t *) data = *event;
      } else {
        nvmlEventDataV1_t *v1 = (nvmlEventDataV1_t *) data;
        v1->device = event->device;
        v1->eventType = event->eventType;
        v1->eventData = event->eventData;
      }
      found->head = (found->head + 1) % MAX_QUEUED_EVENTS;
      found->count--;
    }
  }
  pthread_mutex_unlock(&events_lock);
  return rc;
}

#ifndef FAKE_NVML_LEGACY
nvmlReturn_t nvmlEventSetWait_v2(void *set, nvmlEventData_t *data, unsigned int timeoutms) {
  return wait_event(FN_nvmlEventSetWait_v2, set, data, timeoutms, 1);
}
#endif
nvmlReturn_t nvmlEventSetWait(void *set, nvmlEventDataV1_t *data, unsigned int timeoutms) {
  return wait_event(FN_nvmlEventSetWait, set, data, timeoutms, 0);
}

/* ---- control functions for the tests (not NVML) ---------------------------------------------- */

/* Serves gpu_count healthy GPUs, NVML not initialised, every call count at 0, nothing scripted. */
int fake_nvml_reset(int count) {
  if (count < 0 || count > MAX_GPUS) {
    return -1;
  }
  memset(gpus, 0, sizeof gpus);
  memset(results, 0, sizeof results);
  memset(calls, 0, sizeof calls);
  for (int i = 0; i < count; i++) {
    gpus[i].index = i;
    gpus[i].used = (unsigned long long) i * 1000 * 1048576 + 12345;
    gpus[i].supported_events = DEFAULT_SUPPORTED_EVENTS;
  }
  gpu_count = count;
  init_count = 0;
  init_result = NVML_SUCCESS;
  pthread_mutex_lock(&events_lock);
  memset(event_sets, 0, sizeof event_sets);
  wait_failure = NVML_SUCCESS;
  wait_failures_left = 0;
  pthread_cond_broadcast(&events_queued);
  pthread_mutex_unlock(&events_lock);
  return 0;
}

/* What nvmlInit and nvmlInit_v2 return from now on. */
void fake_nvml_set_init_result(int result) { init_result = result; }

/* Makes GPU i lost (every call about it returns GPU_IS_LOST) or brings it back. */
void fake_nvml_set_gpu_lost(int i, int lost) {
  if (i >= 0 && i < MAX_GPUS) gpus[i].lost = lost;
}

/* Sets GPU i's MIG mode (0 disabled, 1 enabled). */
void fake_nvml_set_mig_mode(int i, int mode) {
  if (i >= 0 && i < MAX_GPUS) gpus[i].mig = (unsigned int) mode;
}

static int function_index(const char *name) {
  for (int f = 0; f < FN_COUNT; f++) {
    if (strcmp(function_names[f], name) == 0) return f;
  }
  return -1;
}

/* Scripts what a function answers for GPU i (-1: every GPU and the system calls); 0 clears it. */
int fake_nvml_set_result(const char *function, int i, int result) {
  int f = function_index(function);
  if (f < 0 || i < -1 || i >= MAX_GPUS) return -1;
  results[f][i < 0 ? ALL_GPUS : i] = result;
  return 0;
}

/* Scripts what one field id answers in nvmlDeviceGetFieldValues for GPU i (-1: every GPU). */
int fake_nvml_set_field_result(int i, int field, int result) {
  if (field < 0 || field >= MAX_FIELD || i < -1 || i >= MAX_GPUS) return -1;
  for (int g = 0; g < MAX_GPUS; g++) {
    if (i < 0 || g == i) gpus[g].field_result[field] = result;
  }
  return 0;
}

/* How often a function was called since the last reset; -1 for a name the fake does not export. */
long fake_nvml_call_count(const char *function) {
  int f = function_index(function);
  return f < 0 ? -1 : __atomic_load_n(&calls[f], __ATOMIC_SEQ_CST);
}

/* The calls of all functions since the last reset. */
long fake_nvml_total_calls(void) {
  long total = 0;
  for (int f = 0; f < FN_COUNT; f++) total += __atomic_load_n(&calls[f], __ATOMIC_SEQ_CST);
  return total;
}

/* How many nvmlInit calls have not been matched by nvmlShutdown. */
int fake_nvml_init_count(void) { return __atomic_load_n(&init_count, __ATOMIC_SEQ_CST); }

/* The event types GPU i supports (what nvmlDeviceGetSupportedEventTypes answers). */
void fake_nvml_set_supported_events(int i, unsigned long long types) {
  if (i >= 0 && i < MAX_GPUS) gpus[i].supported_events = types;
}

/*
 * An event on GPU i, as the driver would raise it: queued on every live set that GPU i is registered
 * on for this type, waking a waiting nvmlEventSetWait. Returns how many sets queued it (0: nobody
 * watches it, and NVML would drop it too), or -1 for a GPU the fake does not serve.
 */
int fake_nvml_push_event(int i, unsigned long long type, unsigned long long data, unsigned int gpu_instance,
    unsigned int compute_instance) {
  if (i < 0 || i >= gpu_count) return -1;
  int queued = 0;
  pthread_mutex_lock(&events_lock);
  for (int s = 0; s < MAX_EVENT_SETS; s++) {
    fake_event_set *set = &event_sets[s];
    if (!set->used || (set->registered[i] & type) == 0 || set->count == MAX_QUEUED_EVENTS) continue;
    nvmlEventData_t *event = &set->queue[(set->head + set->count) % MAX_QUEUED_EVENTS];
    event->device = &gpus[i];
    event->eventType = type;
    event->eventData = data;
    event->gpuInstanceId = gpu_instance;
    event->computeInstanceId = compute_instance;
    set->count++;
    queued++;
  }
  pthread_cond_broadcast(&events_queued);
  pthread_mutex_unlock(&events_lock);
  return queued;
}

/* The next `times` nvmlEventSetWait calls on a live set return `result` at once. */
void fake_nvml_fail_waits(int result, int times) {
  pthread_mutex_lock(&events_lock);
  wait_failure = result;
  wait_failures_left = times;
  pthread_mutex_unlock(&events_lock);
}

/* The event types GPU i is registered for, over every live set. */
unsigned long long fake_nvml_registered_events(int i) {
  unsigned long long types = 0;
  if (i < 0 || i >= MAX_GPUS) return 0;
  pthread_mutex_lock(&events_lock);
  for (int s = 0; s < MAX_EVENT_SETS; s++) {
    if (event_sets[s].used) types |= event_sets[s].registered[i];
  }
  pthread_mutex_unlock(&events_lock);
  return types;
}

/* Event sets created and not freed. */
int fake_nvml_event_sets(void) {
  int live = 0;
  pthread_mutex_lock(&events_lock);
  for (int s = 0; s < MAX_EVENT_SETS; s++) live += event_sets[s].used;
  pthread_mutex_unlock(&events_lock);
  return live;
}
