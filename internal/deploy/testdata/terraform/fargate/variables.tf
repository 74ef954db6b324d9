variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "image_tag" {
  type        = string
  description = "The tag of the image to deploy."
}

variable "desired_count" {
  type    = number
  default = 2
}
