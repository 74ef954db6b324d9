resource "aws_lb_target_group" "defaulted" {
  name     = "defaulted"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = var.vpc_id
}

resource "aws_lb_target_group" "from_var" {
  name                 = "from-var"
  deregistration_delay = var.delay
}

resource "aws_lb_target_group" "no_default" {
  name                 = "no-default"
  deregistration_delay = var.drain_seconds
}

resource "aws_alb_target_group" "quoted" {
  name                 = "quoted"
  deregistration_delay = local.string_delay
}

resource "aws_lb_target_group" "negative" {
  deregistration_delay = "-5"
}

resource "aws_lb_target_group" "word" {
  deregistration_delay = "abc"
}

resource "aws_lb_target_group" "lonely" {
  deregistration_delay = 15
}

resource "aws_elb" "classic" {
  name                        = "classic"
  availability_zones          = ["eu-west-1a"]
  connection_draining         = true
  connection_draining_timeout = 60

  listener {
    instance_port     = 8080
    instance_protocol = "http"
    lb_port           = 80
    lb_protocol       = "http"
  }
}

resource "aws_elb" "plain" {
  name               = "plain"
  availability_zones = ["eu-west-1a"]
}
