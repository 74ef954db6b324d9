terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region
}

module "network" {
  source = "../modules/network"
  cidr   = "10.0.0.0/16"
}

locals {
  name           = "shop-api"
  container_port = 8080
  tags = {
    Service = local.name
  }
}
