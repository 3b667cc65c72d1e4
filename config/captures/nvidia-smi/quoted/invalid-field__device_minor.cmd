/usr/bin/nvidia-smi --query-gpu=device_minor,gpu_uuid,pci.bus_id --format=csv,noheader,nounits
