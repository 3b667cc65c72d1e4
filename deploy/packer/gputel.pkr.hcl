# Bakes gputel into Amazon Linux 2023 and Ubuntu 24.04 AMIs: uploads the tarball, then runs its
# install/install.sh with --no-start (installed and enabled; it starts on the first boot of each
# instance made from the image). See docs/install.md.
#
# UNTESTED: the repository's build has neither Packer nor AWS credentials. Only the syntax was
# checked: `packer fmt -check` and `packer validate` of Debian's Packer 1.6.6, which needed the
# packer {} block removed (required_plugins came with 1.7). Run from this folder after `mvn package`:
#
#   packer init . && packer build -var region=us-east-1 .
#
# The source AMIs are the plain distro images: the NVIDIA driver is not part of this bake (add it
# before the gputel step, or start from an AMI that has it). The agent starts without a driver:
# its NVML receiver reports itself down on /healthz and retries.

packer {
  required_plugins {
    amazon = {
      source  = "github.com/hashicorp/amazon"
      version = ">= 1.3.0"
    }
  }
}

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "version" {
  type    = string
  default = "0.1.0"
}

variable "tarball" {
  type        = string
  description = "The distribution tarball that mvn package builds."
  default     = "../../distributions/agent/target/gputel-0.1.0.tar.gz"
}

# Baking needs no GPU: a small general-purpose instance will do.
variable "instance_type" {
  type    = string
  default = "m6i.large"
}

locals {
  stamp = formatdate("YYYYMMDDhhmmss", timestamp())
}

source "amazon-ebs" "al2023" {
  region        = var.region
  instance_type = var.instance_type
  ssh_username  = "ec2-user"
  ami_name      = "gputel-${var.version}-al2023-${local.stamp}"
  source_ami_filter {
    filters = {
      # The standard AL2023 image (not al2023-ami-minimal-*).
      name                = "al2023-ami-2023.*-kernel-*-x86_64"
      architecture        = "x86_64"
      virtualization-type = "hvm"
      root-device-type    = "ebs"
    }
    owners      = ["amazon"]
    most_recent = true
  }
}

source "amazon-ebs" "ubuntu" {
  region        = var.region
  instance_type = var.instance_type
  ssh_username  = "ubuntu"
  ami_name      = "gputel-${var.version}-ubuntu-24.04-${local.stamp}"
  source_ami_filter {
    filters = {
      name                = "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*"
      architecture        = "x86_64"
      virtualization-type = "hvm"
      root-device-type    = "ebs"
    }
    owners      = ["099720109477"] # Canonical
    most_recent = true
  }
}

build {
  sources = ["source.amazon-ebs.al2023", "source.amazon-ebs.ubuntu"]

  provisioner "file" {
    source      = var.tarball
    destination = "/tmp/gputel.tar.gz"
  }

  provisioner "shell" {
    inline = [
      "set -eu",
      # Ubuntu's first boot runs apt through cloud-init; wait for it rather than race its lock.
      "if command -v cloud-init >/dev/null 2>&1; then sudo cloud-init status --wait >/dev/null || true; fi",
      "mkdir -p /tmp/gputel && tar xzf /tmp/gputel.tar.gz -C /tmp/gputel --strip-components=1",
      # To bake your own configuration, upload it with another "file" provisioner and add
      # --config /tmp/gputel.conf (the default includes /opt/gputel/config/gpu-host.conf).
      "sudo /tmp/gputel/install/install.sh --install-java --no-start",
      "rm -rf /tmp/gputel /tmp/gputel.tar.gz",
    ]
  }
}
