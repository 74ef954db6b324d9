variable "delay" {
  type    = number
  default = 30
}

variable "drain_seconds" {
  type = number
}

variable "tag" {
  type = string
}

locals {
  string_delay = "10"
  worker_defs  = file("${path.module}/containers.json")
}
